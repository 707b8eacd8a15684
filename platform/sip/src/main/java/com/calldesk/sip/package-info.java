/**
 * The SIP side of the telephony core, on JAIN-SIP RI: the stack with server-safe settings, one
 * small handler per method, admission control, and (in sub-packages) the registrar, trunks and the
 * B2BUA. Plain Java: no Spring, SQL or HTTP; seats, numbers and call records reach it through the
 * interfaces it declares, implemented by the application.
 */
package com.calldesk.sip;
