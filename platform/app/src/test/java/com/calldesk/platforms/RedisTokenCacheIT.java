package com.calldesk.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Platform access tokens in the real Redis of the production profile: one token for every node, gone when told or expired. */
class RedisTokenCacheIT {

	final String prefix = "calldesk-test-" + UUID.randomUUID() + ":";

	final RedissonClient redisson = connect();

	final RedisTokenCache node1 = new RedisTokenCache(redisson, prefix);

	final RedissonClient other = connect();

	final RedisTokenCache node2 = new RedisTokenCache(other, prefix);

	@AfterEach
	void clean() {
		redisson.getKeys().deleteByPattern(prefix + "*");
		redisson.shutdown();
		other.shutdown();
	}

	@Test
	void aTokenOneNodeFetchedIsTheOtherNodesUntilEvictedAndItExpiresWithItsTtl() {
		node1.put("dingtalk:corp-token:ding1:ak", "dt-token", Duration.ofMinutes(115));
		assertThat(node2.get("dingtalk:corp-token:ding1:ak")).contains("dt-token");
		assertThat(node2.get("dingtalk:corp-token:ding2:ak")).as("another tenant's app").isEmpty();
		assertThat(redisson.getBucket(prefix + "platform-token:dingtalk:corp-token:ding1:ak").remainTimeToLive())
			.isBetween(Duration.ofMinutes(114).toMillis(), Duration.ofMinutes(115).toMillis());
		node2.evict("dingtalk:corp-token:ding1:ak");
		assertThat(node1.get("dingtalk:corp-token:ding1:ak")).isEmpty();
	}

	private static RedissonClient connect() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://127.0.0.1:6379");
		return Redisson.create(config);
	}
}
