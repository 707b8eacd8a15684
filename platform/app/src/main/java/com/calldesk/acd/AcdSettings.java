package com.calldesk.acd;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A tenant's queue settings (ANCHORS defaults): ring timeout 20 s, wrap-up 15 s, three unanswered
 * offers in a row make an agent busy, an agent who did not answer is not offered again for 5 s, a
 * caller waits at most 60 s and at most 50 wait at once, and hears where they stand in the queue as
 * they join it and every 30 s (B7; 0 = never, else {@value #MIN_ANNOUNCE_EVERY_S}–600 s). A change that
 * leaves {@code announceEveryS} out (null: a client from before B7) keeps the tenant's interval.
 */
public record AcdSettings(@NotNull Strategy strategy, boolean stickyAgent, @Min(5) @Max(120) int ringTimeoutS,
		@Min(0) @Max(300) int wrapUpS, @Min(0) @Max(20) int noAnswerLimit, @Min(0) @Max(300) int noAnswerDelayS,
		@Min(10) @Max(3600) int maxWaitS, @Min(0) @Max(1000) int maxQueue, @Min(0) @Max(600) Integer announceEveryS) {

	/** Announcements closer together than this would leave the caller hardly any music between them (one lasts ~5 s). */
	public static final int MIN_ANNOUNCE_EVERY_S = 15;

	public static final int DEFAULT_ANNOUNCE_EVERY_S = 30;

	public static final AcdSettings DEFAULTS = new AcdSettings(Strategy.LONGEST_IDLE, true, 20, 15, 3, 5, 60, 50,
			DEFAULT_ANNOUNCE_EVERY_S);

	/** Settings as they were before queue announcements (B7): announced at the default interval. */
	public AcdSettings(Strategy strategy, boolean stickyAgent, int ringTimeoutS, int wrapUpS, int noAnswerLimit, int noAnswerDelayS,
			int maxWaitS, int maxQueue) {
		this(strategy, stickyAgent, ringTimeoutS, wrapUpS, noAnswerLimit, noAnswerDelayS, maxWaitS, maxQueue, DEFAULT_ANNOUNCE_EVERY_S);
	}

	Duration ringTimeout() {
		return Duration.ofSeconds(ringTimeoutS);
	}

	Duration wrapUp() {
		return Duration.ofSeconds(wrapUpS);
	}

	Duration noAnswerDelay() {
		return Duration.ofSeconds(noAnswerDelayS);
	}

	Duration maxWait() {
		return Duration.ofSeconds(maxWaitS);
	}

	/** Zero: waiting callers are not told where they stand. */
	Duration announceEvery() {
		return Duration.ofSeconds(announceEveryS == null ? DEFAULT_ANNOUNCE_EVERY_S : announceEveryS);
	}

	/** Off, or far enough apart (the range itself is checked by the annotations). */
	boolean announceEveryValid() {
		return announceEveryS == null || announceEveryS == 0 || announceEveryS >= MIN_ANNOUNCE_EVERY_S;
	}

	/** These settings with {@code announceEveryS} where they have none. */
	AcdSettings announcingEveryWhenUnset(int seconds) {
		return announceEveryS != null ? this : new AcdSettings(strategy, stickyAgent, ringTimeoutS, wrapUpS, noAnswerLimit, noAnswerDelayS,
				maxWaitS, maxQueue, seconds);
	}
}
