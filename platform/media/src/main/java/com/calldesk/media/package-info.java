/**
 * The media side of the telephony core: an RTP relay that sits between the customer (trunk) and the
 * agent (phone) so that neither learns the other's address and NAT'd phones still get audio back,
 * a stereo WAV recording of every call, SDP rewriting for the B2BUA, and prompts played to the
 * customer. Plain Java on NIO: one selector thread relays every call, one writer thread records;
 * no Spring, SQL or HTTP. The SIP B2BUA drives it through {@link com.calldesk.media.MediaRelay}.
 */
package com.calldesk.media;
