package com.calldesk.state;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Channel counts of a single node. */
public class InMemoryChannelCounter implements ChannelCounter {

	private final ConcurrentMap<String, Long> inUse = new ConcurrentHashMap<>();

	@Override
	public boolean tryAcquire(String key, int limit) {
		boolean[] taken = { false };
		inUse.compute(key, (k, count) -> {
			long current = count == null ? 0 : count;
			if (current >= limit) {
				return count;
			}
			taken[0] = true;
			return current + 1;
		});
		return taken[0];
	}

	@Override
	public void release(String key) {
		inUse.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
	}

	@Override
	public long inUse(String key) {
		return inUse.getOrDefault(key, 0L);
	}
}
