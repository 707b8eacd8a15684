/**
 * The call as the rest of the product sees it: a typed {@link com.calldesk.calls.CallView}, the sealed
 * CTI events ({@link com.calldesk.calls.CtiEvent}) every consumer listens to — agent desktop, monitor wall,
 * platform ports, webhooks — and the {@link com.calldesk.calls.CallCommands} they send back. Nothing here
 * knows SIP, SQL or Spring: it is the published language between the telephony core and its users.
 */
package com.calldesk.calls;
