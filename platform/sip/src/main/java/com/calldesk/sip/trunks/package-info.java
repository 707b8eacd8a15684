/**
 * Trunks that authenticate by registering (F5): CallDesk registers to the carrier or to a
 * tenant's voice gateway with the account on record, answers its digest challenge through
 * JAIN-SIP's own {@code AuthenticationHelper}, and refreshes before the registration runs out.
 */
package com.calldesk.sip.trunks;
