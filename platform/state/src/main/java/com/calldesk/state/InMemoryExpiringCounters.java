package com.calldesk.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Single-node counters. Expired entries are dropped as they are touched and swept every 1,024 writes. */
public class InMemoryExpiringCounters implements ExpiringCounters {

	private final ConcurrentMap<String, Window> counters = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> blocks = new ConcurrentHashMap<>();

	private final Clock clock;

	private long writes;

	public InMemoryExpiringCounters(Clock clock) {
		this.clock = clock;
	}

	@Override
	public long increment(String key, Duration window) {
		Instant now = clock.instant();
		sweepSometimes(now);
		return counters.compute(key, (k, w) -> (w == null || w.expired(now)) ? new Window(1, now.plus(window)) : w.next())
			.count();
	}

	@Override
	public long get(String key) {
		Window window = counters.get(key);
		return (window == null || window.expired(clock.instant())) ? 0 : window.count();
	}

	@Override
	public void reset(String key) {
		counters.remove(key);
	}

	@Override
	public void block(String key, Duration duration) {
		blocks.put(key, clock.instant().plus(duration));
	}

	@Override
	public boolean isBlocked(String key) {
		Instant until = blocks.get(key);
		if (until == null) {
			return false;
		}
		if (!clock.instant().isBefore(until)) {
			blocks.remove(key, until);
			return false;
		}
		return true;
	}

	private void sweepSometimes(Instant now) {
		synchronized (this) {
			if (++writes % 1024 != 0) {
				return;
			}
		}
		counters.values().removeIf(w -> w.expired(now));
		blocks.values().removeIf(until -> !now.isBefore(until));
	}

	private record Window(long count, Instant expiresAt) {

		boolean expired(Instant now) {
			return !now.isBefore(expiresAt);
		}

		Window next() {
			return new Window(count + 1, expiresAt);
		}
	}
}
