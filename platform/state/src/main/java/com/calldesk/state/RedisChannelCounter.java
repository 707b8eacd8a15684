package com.calldesk.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Channel leases shared by every node: per resource a sorted set {@code <prefix>chl:<key>} of holders
 * scored by their lease's end. Taking a channel drops lapsed leases and checks the count in one Lua
 * script, so two nodes can never both take the last channel; the set itself expires a lease time after
 * its last change, so nothing is left behind.
 */
public class RedisChannelCounter implements ChannelCounter {

	private static final String ACQUIRE = "redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1]) "
			+ "if not redis.call('zscore', KEYS[1], ARGV[4]) and redis.call('zcard', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end "
			+ "redis.call('zadd', KEYS[1], ARGV[3], ARGV[4]) redis.call('pexpire', KEYS[1], ARGV[5]) return 1";

	private static final String RENEW = "if redis.call('zscore', KEYS[1], ARGV[2]) and tonumber(redis.call('zscore', KEYS[1], ARGV[2])) > tonumber(ARGV[4]) "
			+ "then redis.call('zadd', KEYS[1], ARGV[1], ARGV[2]) redis.call('pexpire', KEYS[1], ARGV[3]) return 1 end return 0";

	private final RedissonClient redisson;

	private final String prefix;

	private final Clock clock;

	private final Duration lease;

	public RedisChannelCounter(RedissonClient redisson, String prefix, Clock clock, Duration lease) {
		this.redisson = redisson;
		this.prefix = prefix;
		this.clock = clock;
		this.lease = lease;
	}

	public RedisChannelCounter(RedissonClient redisson, String prefix) {
		this(redisson, prefix, Clock.systemUTC(), Duration.ofMinutes(2));
	}

	@Override
	public boolean tryAcquire(String key, int limit, String holder) {
		long now = clock.millis();
		Long taken = script().eval(RScript.Mode.READ_WRITE, ACQUIRE, RScript.ReturnType.LONG, List.of(key(key)), Long.toString(now),
				Integer.toString(limit), Long.toString(now + lease.toMillis()), holder, Long.toString(lease.toMillis()));
		return taken != null && taken == 1;
	}

	@Override
	public void release(String key, String holder) {
		redisson.getScoredSortedSet(key(key), StringCodec.INSTANCE).remove(holder);
	}

	@Override
	public void renew(String key, String holder) {
		long now = clock.millis();
		script().eval(RScript.Mode.READ_WRITE, RENEW, RScript.ReturnType.LONG, List.of(key(key)), Long.toString(now + lease.toMillis()), holder,
				Long.toString(lease.toMillis()), Long.toString(now));
	}

	@Override
	public long inUse(String key) {
		return redisson.getScoredSortedSet(key(key), StringCodec.INSTANCE).count(clock.millis(), false, Double.POSITIVE_INFINITY, true);
	}

	private RScript script() {
		return redisson.getScript(StringCodec.INSTANCE);
	}

	private String key(String key) {
		return prefix + "chl:" + key;
	}
}
