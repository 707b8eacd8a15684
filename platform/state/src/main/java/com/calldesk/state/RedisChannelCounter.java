package com.calldesk.state;

import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

/**
 * Channel counts shared by every node. Check-and-take is one Lua script, so two nodes can never
 * both take the last channel. (Leases that expire when a node dies come with the ACD work.)
 */
public class RedisChannelCounter implements ChannelCounter {

	private static final String ACQUIRE = "local n = tonumber(redis.call('get', KEYS[1]) or '0') "
			+ "if n >= tonumber(ARGV[1]) then return 0 end redis.call('incr', KEYS[1]) return 1";

	private static final String RELEASE = "local n = tonumber(redis.call('get', KEYS[1]) or '0') "
			+ "if n <= 1 then redis.call('del', KEYS[1]) else redis.call('decr', KEYS[1]) end return 1";

	private final RedissonClient redisson;

	private final String prefix;

	public RedisChannelCounter(RedissonClient redisson, String prefix) {
		this.redisson = redisson;
		this.prefix = prefix;
	}

	@Override
	public boolean tryAcquire(String key, int limit) {
		Long taken = redisson.getScript(LongCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, ACQUIRE, RScript.ReturnType.LONG,
				List.of(prefix + "ch:" + key), limit);
		return taken != null && taken == 1;
	}

	@Override
	public void release(String key) {
		redisson.getScript(LongCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.LONG,
				List.of(prefix + "ch:" + key));
	}

	@Override
	public long inUse(String key) {
		return redisson.getAtomicLong(prefix + "ch:" + key).get();
	}
}
