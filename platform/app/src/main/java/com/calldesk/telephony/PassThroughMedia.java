package com.calldesk.telephony;

import java.nio.file.Path;

import com.calldesk.sip.calls.Leg;
import com.calldesk.sip.calls.MediaAnchor;
import com.calldesk.sip.calls.UnsupportedMediaException;

/**
 * Media that is not anchored: SDP passes unchanged and the phones talk to each other directly,
 * and nothing is recorded. Only with {@code calldesk.media.enabled=false} (a signalling-only node,
 * or a signalling benchmark).
 */
final class PassThroughMedia implements MediaAnchor {

	@Override
	public Session open(String callId, String tenantCode) {
		return new Session() {
			@Override
			public String toAgent(String customerSdp) {
				return customerSdp;
			}

			@Override
			public String toCustomer(String agentSdp) {
				return agentSdp;
			}

			@Override
			public String offerTo(Leg leg) {
				throw new UnsupportedMediaException("late offer needs the media relay");
			}

			@Override
			public String answerCustomer(String customerOffer) {
				throw new UnsupportedMediaException("answering needs the media relay");
			}

			@Override
			public java.util.concurrent.CompletableFuture<Void> playToCustomer(String prompt, boolean loop) {
				return java.util.concurrent.CompletableFuture.completedFuture(null);
			}

			@Override
			public void stopPlaying() {
			}

			@Override
			public String offerLike(Leg leg, String chosen) {
				throw new UnsupportedMediaException("media is not anchored: no relay to offer");
			}

			@Override
			public java.util.concurrent.CompletableFuture<Path> recordCustomer(java.time.Duration max) {
				return null;
			}

			@Override
			public void stopRecordingCustomer() {
			}

			@Override
			public void onCustomerDigit(java.util.function.Consumer<Character> listener) {
			}

			@Override
			public boolean timedOut() {
				return false;
			}

			@Override
			public Path recording() {
				return null;
			}

			@Override
			public void close() {
			}
		};
	}
}
