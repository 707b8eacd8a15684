package com.calldesk.acd;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The Redis the integration tests use (127.0.0.1:6379), and cleaning up after them. */
final class LocalRedis {

	private LocalRedis() {
	}

	static RedissonClient connect() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://127.0.0.1:6379");
		return Redisson.create(config);
	}

	/** Deletes the test's keys (all under {@code prefix}) and closes the client. */
	static void close(RedissonClient redisson, String prefix) {
		redisson.getKeys().deleteByPattern(prefix + "*");
		redisson.shutdown();
	}
}
