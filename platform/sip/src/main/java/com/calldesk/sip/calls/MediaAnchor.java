package com.calldesk.sip.calls;

import java.nio.file.Path;

/** The media relay as the B2BUA sees it: two ports per call, one facing each leg. */
public interface MediaAnchor {

	Session open(String callId, String tenantCode);

	/**
	 * One call's relay and recording. The B2BUA hands it every SDP it relays and sends on what it
	 * returns: the relay learns each side's address from it and puts its own ports in.
	 */
	interface Session extends AutoCloseable {

		/** SDP from the customer, rewritten for the agent; {@link UnsupportedMediaException} without PCMU/PCMA. */
		String toAgent(String customerSdp);

		/** SDP from the agent, rewritten for the customer. */
		String toCustomer(String agentSdp);

		/**
		 * The relay's own offer towards {@code leg}, for a call whose other side sent no SDP (late
		 * offer); {@link UnsupportedMediaException} when media is not anchored and there is no relay
		 * to offer.
		 */
		String offerTo(Leg leg);

		boolean timedOut();

		Path recording();

		@Override
		void close();
	}
}
