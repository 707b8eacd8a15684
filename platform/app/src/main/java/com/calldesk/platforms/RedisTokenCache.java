package com.calldesk.platforms;

import java.time.Duration;
import java.util.Optional;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.calldesk.connector.TokenCache;

/** Platform access tokens in Redis, so every node uses the one token the platform issued. */
final class RedisTokenCache implements TokenCache {

	private final RedissonClient redisson;

	private final String prefix;

	RedisTokenCache(RedissonClient redisson, String prefix) {
		this.redisson = redisson;
		this.prefix = prefix + "platform-token:";
	}

	@Override
	public Optional<String> get(String key) {
		return Optional.ofNullable(redisson.<String>getBucket(prefix + key, StringCodec.INSTANCE).get());
	}

	@Override
	public void put(String key, String token, Duration ttl) {
		redisson.<String>getBucket(prefix + key, StringCodec.INSTANCE).set(token, ttl);
	}

	@Override
	public void evict(String key) {
		redisson.getBucket(prefix + key, StringCodec.INSTANCE).delete();
	}
}
