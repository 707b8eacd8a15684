package com.calldesk.system;

import java.time.Clock;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.calldesk.state.ExpiringCounters;
import com.calldesk.state.InMemoryExpiringCounters;
import com.calldesk.state.RedisExpiringCounters;

/** In-process state by default; {@code calldesk.state.store=redis} shares it between nodes through Redis. */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

	@Bean
	@ConditionalOnProperty(name = "calldesk.state.store", havingValue = "memory", matchIfMissing = true)
	ExpiringCounters inMemoryCounters(Clock clock) {
		return new InMemoryExpiringCounters(clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "calldesk.state.store", havingValue = "redis")
	static class RedisState {

		@Bean(destroyMethod = "shutdown")
		RedissonClient redisson(org.springframework.core.env.Environment environment) {
			Config config = new Config();
			config.useSingleServer()
				.setAddress(environment.getProperty("calldesk.redis.address", "redis://127.0.0.1:6379"))
				.setPassword(blankToNull(environment.getProperty("calldesk.redis.password")))
				.setDatabase(environment.getProperty("calldesk.redis.database", Integer.class, 0));
			return Redisson.create(config);
		}

		@Bean
		ExpiringCounters redisCounters(RedissonClient redisson, org.springframework.core.env.Environment environment) {
			return new RedisExpiringCounters(redisson, environment.getProperty("calldesk.redis.prefix", "calldesk:"));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
