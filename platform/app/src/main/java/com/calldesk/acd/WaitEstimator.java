package com.calldesk.acd;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import com.calldesk.calls.AgentStatus;
import com.calldesk.sip.calls.QueueStanding;

/**
 * The expected wait of a queued caller (B7): with N agents working (status {@code IDLE}, a phone
 * registered: the ones who will take queued calls as they free up) and a recent average handle time
 * AHT (talk + wrap-up), agents free up about once every AHT ÷ N, and a caller with {@code ahead} callers
 * before them needs the ({@code ahead} + 1)-th of those:
 *
 * <pre>expected wait = (ahead + 1) × AHT ÷ N</pre>
 *
 * This is the mean wait of the ({@code ahead} + 1)-th caller in a first-come queue served by N agents
 * whose handle times are exponential (M/M/N): each agent's call in progress is, on average, a whole
 * AHT from its end. No estimate (only the position is said) without an AHT or with nobody working.
 */
final class WaitEstimator {

	private final AgentDesk desk;

	private final Predicate<String> reachable;

	private final LongFunction<Optional<Duration>> handleTime;

	WaitEstimator(AgentDesk desk, Predicate<String> reachable, LongFunction<Optional<Duration>> handleTime) {
		this.desk = desk;
		this.reachable = reachable;
		this.handleTime = handleTime;
	}

	QueueStanding standing(long tenantId, int ahead) {
		Optional<Duration> aht = handleTime.apply(tenantId);
		if (aht.isEmpty()) {
			return new QueueStanding(ahead, null);
		}
		long working = desk.agents(tenantId).stream().filter(a -> a.status() == AgentStatus.IDLE && reachable.test(a.seat())).count();
		return new QueueStanding(ahead, expectedWait(ahead, working, aht.get()));
	}

	/** (ahead + 1) × AHT ÷ N; null with nobody working. */
	static Duration expectedWait(int ahead, long working, Duration handleTime) {
		return working <= 0 ? null : handleTime.multipliedBy(ahead + 1L).dividedBy(working);
	}
}
