/**
 * The application side of the telephony core: it runs the SIP server of {@code platform/sip} and
 * implements the interfaces that module declares (seat accounts today; number routing, call records
 * and CTI events with the B2BUA) over the platform and tenant schemas.
 */
package com.calldesk.telephony;
