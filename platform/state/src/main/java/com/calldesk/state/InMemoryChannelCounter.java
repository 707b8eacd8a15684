package com.calldesk.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Channel leases of a single node: per resource, each holder with its lease's end. */
public class InMemoryChannelCounter implements ChannelCounter {

	private final ConcurrentMap<String, Map<String, Instant>> leases = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration lease;

	public InMemoryChannelCounter(Clock clock, Duration lease) {
		this.clock = clock;
		this.lease = lease;
	}

	/** Leases of two minutes on the system clock. */
	public InMemoryChannelCounter() {
		this(Clock.systemUTC(), Duration.ofMinutes(2));
	}

	@Override
	public boolean tryAcquire(String key, int limit, String holder) {
		boolean[] taken = { false };
		Instant now = clock.instant();
		leases.compute(key, (k, held) -> {
			Map<String, Instant> live = live(held, now);
			if (live.containsKey(holder) || live.size() < limit) {
				live.put(holder, now.plus(lease));
				taken[0] = true;
			}
			return live.isEmpty() ? null : live;
		});
		return taken[0];
	}

	@Override
	public void release(String key, String holder) {
		leases.computeIfPresent(key, (k, held) -> {
			held.remove(holder);
			return held.isEmpty() ? null : held;
		});
	}

	@Override
	public void renew(String key, String holder) {
		Instant now = clock.instant();
		leases.computeIfPresent(key, (k, held) -> {
			Map<String, Instant> live = live(held, now);
			live.computeIfPresent(holder, (h, until) -> now.plus(lease));
			return live.isEmpty() ? null : live;
		});
	}

	@Override
	public long inUse(String key) {
		Instant now = clock.instant();
		Map<String, Instant> held = leases.get(key);
		return held == null ? 0 : held.values().stream().filter(until -> until.isAfter(now)).count();
	}

	private static Map<String, Instant> live(Map<String, Instant> held, Instant now) {
		Map<String, Instant> live = new HashMap<>();
		if (held != null) {
			held.forEach((holder, until) -> {
				if (until.isAfter(now)) {
					live.put(holder, until);
				}
			});
		}
		return live;
	}
}
