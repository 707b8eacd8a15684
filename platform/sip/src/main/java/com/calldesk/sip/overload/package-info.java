/**
 * Overload control in front of JAIN-SIP's queue: new INVITEs and REGISTERs the node has no room for
 * are refused with 503 and Retry-After as the datagram is read, before the stack parses them.
 */
package com.calldesk.sip.overload;
