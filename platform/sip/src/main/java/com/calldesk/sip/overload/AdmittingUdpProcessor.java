package com.calldesk.sip.overload;

import java.io.IOException;
import java.net.InetAddress;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

/** JAIN-SIP's UDP processor with {@link AdmittingQueue} in place of its plain queue. */
final class AdmittingUdpProcessor extends UDPMessageProcessor {

	AdmittingUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, DatagramAdmission admission, int retryAfterSeconds)
			throws IOException {
		super(address, stack, port);
		this.messageQueue = new AdmittingQueue(this.messageQueue, admission, packet -> {
			try {
				sock.send(packet);
			}
			catch (IOException ex) {
				// a refusal that cannot be sent is one the client retransmits into; nothing to undo
			}
		}, retryAfterSeconds);
	}
}
