package com.calldesk.sip.calls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a caller's message (F11): the greeting, a beep, then what the caller says is recorded until
 * they press {@code #}, hang up, or reach the tenant's limit. The message is handed to the lifecycle
 * whichever way it ended; CallDesk hangs up after {@code #} or the limit.
 */
final class Voicemails {

	private static final Logger log = LoggerFactory.getLogger(Voicemails.class);

	static final String BEEP = "beep";

	private final CallHangUp calls;

	private final Clock clock;

	private final CallLifecycle lifecycle;

	Voicemails(CallHangUp calls, Clock clock, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.calls = calls;
		this.clock = clock;
	}

	/** Called under the call's lock, with the customer already answered by CallDesk. */
	void take(Call call, String reason, CallDistribution.Voicemail voicemail) {
		call.waiting = false;
		call.ringDeadline = null;
		call.queued();
		play(call, voicemail.greeting()).thenCompose(greeted -> play(call, BEEP))
			.whenComplete((beeped, error) -> record(call, reason, voicemail));
	}

	private CompletableFuture<Void> play(Call call, String prompt) {
		if (call.state() == CallState.ENDED) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> played = call.media.playToCustomer(prompt, false);
		return played == null ? CompletableFuture.completedFuture(null) : played.exceptionally(cancelled -> null);
	}

	private void record(Call call, String reason, CallDistribution.Voicemail voicemail) {
		CompletableFuture<Path> recorded;
		AtomicReference<String> endedBy = new AtomicReference<>();
		Instant started = clock.instant();
		synchronized (call) {
			if (call.state() == CallState.ENDED) {
				return;
			}
			call.media.onCustomerDigit(digit -> {
				if (digit == '#' && endedBy.compareAndSet(null, "hash")) {
					call.media.stopRecordingCustomer();
				}
			});
			recorded = call.media.recordCustomer(voicemail.max());
		}
		if (recorded == null) {
			calls.hangUp(call, null, reason);
			return;
		}
		// the capture completes on a relay thread; filing the message (a database write) must not run there
		recorded.whenCompleteAsync((file, error) -> {
			boolean hungUp = call.state() == CallState.ENDED;
			endedBy.compareAndSet(null, hungUp ? "hangup" : "limit");
			if (error != null || file == null) {
				log.warn("The voicemail of call {} was not recorded", call.id(), error);
			}
			else {
				lifecycle.on(new CallStep.VoicemailLeft(call.snapshot(), new VoicemailMessage(file, started, reason, endedBy.get())));
			}
			calls.hangUp(call, null, "voicemail");
		});
	}
}
