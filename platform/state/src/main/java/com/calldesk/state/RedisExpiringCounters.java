package com.calldesk.state;

import java.time.Duration;

import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;

/** Counters shared by every node through Redis; Redis expires them, so a dead node leaves nothing behind. */
public class RedisExpiringCounters implements ExpiringCounters {

	private final RedissonClient redisson;

	private final String prefix;

	public RedisExpiringCounters(RedissonClient redisson, String prefix) {
		this.redisson = redisson;
		this.prefix = prefix;
	}

	@Override
	public long increment(String key, Duration window) {
		RAtomicLong counter = redisson.getAtomicLong(prefix + "cnt:" + key);
		long value = counter.incrementAndGet();
		if (value == 1) {
			counter.expire(window);
		}
		return value;
	}

	@Override
	public long get(String key) {
		return redisson.getAtomicLong(prefix + "cnt:" + key).get();
	}

	@Override
	public void reset(String key) {
		redisson.getAtomicLong(prefix + "cnt:" + key).delete();
	}

	@Override
	public void block(String key, Duration duration) {
		redisson.getBucket(prefix + "blk:" + key).set("1", duration);
	}

	@Override
	public boolean isBlocked(String key) {
		return redisson.getBucket(prefix + "blk:" + key).isExists();
	}
}
