/**
 * The call center page (F21): the tenant's basic information, today's figures and the call records in
 * their four tabs, keyset-paged, with each record's detail. Reads only; calls are written by telephony.
 */
package com.calldesk.center;
