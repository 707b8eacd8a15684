/**
 * Writes of calls taken off the SIP threads: ordered lanes that batch them per tenant, retry what the
 * database could not take and never make a call wait for it.
 */
package com.calldesk.journal;
