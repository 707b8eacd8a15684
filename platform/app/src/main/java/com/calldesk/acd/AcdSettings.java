package com.calldesk.acd;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A tenant's queue settings (ANCHORS defaults): ring timeout 20 s, wrap-up 15 s, three unanswered
 * offers in a row make an agent busy, an agent who did not answer is not offered again for 5 s, a
 * caller waits at most 60 s and at most 50 wait at once.
 */
public record AcdSettings(@NotNull Strategy strategy, boolean stickyAgent, @Min(5) @Max(120) int ringTimeoutS,
		@Min(0) @Max(300) int wrapUpS, @Min(0) @Max(20) int noAnswerLimit, @Min(0) @Max(300) int noAnswerDelayS,
		@Min(10) @Max(3600) int maxWaitS, @Min(0) @Max(1000) int maxQueue) {

	public static final AcdSettings DEFAULTS = new AcdSettings(Strategy.LONGEST_IDLE, true, 20, 15, 3, 5, 60, 50);

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
}
