package com.calldesk.system;

import java.time.Clock;
import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

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

		/**
		 * Commands are bounded well inside a caller's patience: with Redisson's defaults (3 s per try, 4
		 * retries, 10 s to connect) a SIP thread could wait 20 s on a Redis that is gone, so a call offered
		 * then got no answer at all instead of a 503 it can retry elsewhere.
		 */
		@Bean(destroyMethod = "shutdown")
		RedissonClient redisson(org.springframework.core.env.Environment environment) {
			Config config = new Config();
			config.useSingleServer()
				.setAddress(environment.getProperty("calldesk.redis.address", "redis://127.0.0.1:6379"))
				.setPassword(blankToNull(environment.getProperty("calldesk.redis.password")))
				.setDatabase(environment.getProperty("calldesk.redis.database", Integer.class, 0))
				.setTimeout(environment.getProperty("calldesk.redis.timeout-ms", Integer.class, 1000))
				.setConnectTimeout(environment.getProperty("calldesk.redis.connect-timeout-ms", Integer.class, 1000))
				.setRetryAttempts(environment.getProperty("calldesk.redis.retry-attempts", Integer.class, 1))
				.setRetryDelay(new ConstantDelay(Duration.ofMillis(200)));
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
