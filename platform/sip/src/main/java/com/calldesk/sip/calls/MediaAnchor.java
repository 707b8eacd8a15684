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

		/**
		 * The relay's offer towards {@code leg} in exactly the codec {@code chosen} (an answer from another
		 * phone) settled on: a phone moved onto this relay by re-INVITE must speak what its new peer
		 * speaks, since the relay does not transcode.
		 */
		String offerLike(Leg leg, String chosen);

		/**
		 * The relay answers the customer's offer itself (CallDesk answers a call that waits for an
		 * agent): one G.711 codec of the offer, and telephone-event if offered. Later offers to agents
		 * ({@link #offerTo}) carry only that codec, since the relay does not transcode.
		 */
		String answerCustomer(String customerOffer);

		/** Plays a named prompt to the customer ({@code hold-music}, {@code all-busy}…), looping when asked; null: nothing to play. */
		java.util.concurrent.CompletableFuture<Void> playToCustomer(String prompt, boolean loop);

		/** Stops what plays to the customer: the agent's voice reaches the customer again. */
		void stopPlaying();

		/**
		 * Records what the customer says (a voicemail) beside the call's recording, for at most
		 * {@code max}; completes with the file when the capture ends (at {@code max}, at
		 * {@link #stopRecordingCustomer()}, or when the call's media closes). Null without a relay.
		 */
		java.util.concurrent.CompletableFuture<Path> recordCustomer(java.time.Duration max);

		void stopRecordingCustomer();

		/** Every key the customer presses from now on (RFC 4733 events or in-band tones), on a relay thread; null stops listening. */
		void onCustomerDigit(java.util.function.Consumer<Character> listener);

		boolean timedOut();

		Path recording();

		@Override
		void close();
	}
}
