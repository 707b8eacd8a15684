package com.calldesk.state;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The lease contract on the real Redis, each "node" its own counter. */
class RedisChannelCounterIT extends ChannelLeaseContract {

	static RedissonClient redisson;

	final String key = "trunk:" + System.nanoTime();

	@BeforeAll
	static void connect() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://127.0.0.1:6379");
		redisson = Redisson.create(config);
	}

	@AfterAll
	static void disconnect() {
		redisson.getKeys().deleteByPattern("calldeskit-ch:*");
		redisson.shutdown();
	}

	@Override
	ChannelCounter node() {
		return new RedisChannelCounter(redisson, "calldeskit-ch:", clock, Duration.ofMinutes(2));
	}

	@Override
	String key() {
		return key;
	}
}
