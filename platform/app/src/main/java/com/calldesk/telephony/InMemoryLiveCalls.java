package com.calldesk.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.calldesk.calls.CallEvent;

/** {@link LiveCalls} of a single node. */
final class InMemoryLiveCalls implements LiveCalls {

	static final Duration TOMBSTONE = Duration.ofMinutes(10);

	private record Entry(LiveCall call, Instant until) {
	}

	private final Map<String, Entry> calls = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile Instant nextSweep = Instant.MIN;

	InMemoryLiveCalls(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void put(CallEvent event) {
		calls.merge(key(event.tenantId(), event.call().callId()), new Entry(new LiveCall(event.call(), event.seq(), false), Instant.MAX),
				(old, next) -> old.call().ended() || old.call().seq() >= next.call().seq() ? old : next);
	}

	@Override
	public void ended(long tenantId, String callId) {
		Instant now = clock.instant();
		calls.put(key(tenantId, callId), new Entry(new LiveCall(null, Long.MAX_VALUE, true), now.plus(TOMBSTONE)));
		// tombstones are swept once a minute, not at every end: a sweep walks every call of the node
		if (now.isAfter(nextSweep)) {
			nextSweep = now.plusSeconds(60);
			calls.values().removeIf(entry -> entry.until().isBefore(now));
		}
	}

	@Override
	public Optional<LiveCall> find(long tenantId, String callId) {
		Entry entry = calls.get(key(tenantId, callId));
		return entry == null || entry.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(entry.call());
	}

	private static String key(long tenantId, String callId) {
		return tenantId + ":" + callId;
	}
}
