package com.calldesk.platforms;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.calldesk.connector.InMemoryTokenCache;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.TokenCache;
import com.calldesk.connector.dingtalk.DingTalkConnector;
import com.calldesk.connector.feishu.FeishuConnector;
import com.calldesk.connector.wecom.WeComConnector;

/** The three platform connectors on their configured servers, the token cache they share, and the secret keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class PlatformConfiguration {

	@Bean
	PlatformConnector dingTalkConnector(PlatformProperties properties, TokenCache tokens, Clock clock) {
		PlatformProperties.Dingtalk d = properties.dingtalk();
		return new DingTalkConnector(new DingTalkConnector.Endpoints(d.oapiBase(), d.apiEndpoint(), d.apiProtocol(), d.loginBase()), tokens,
				clock);
	}

	@Bean
	PlatformConnector weComConnector(PlatformProperties properties, TokenCache tokens, Clock clock) {
		return new WeComConnector(properties.wecom().apiBase(), tokens, clock);
	}

	@Bean
	PlatformConnector feishuConnector(PlatformProperties properties, TokenCache tokens, Clock clock) {
		return new FeishuConnector(properties.feishu().openBase(), properties.feishu().accountsBase(), tokens, clock);
	}

	@Bean
	Connectors connectors(List<PlatformConnector> connectors) {
		return new Connectors(connectors);
	}

	/** Keys from the environment; the embedded default, with none, keeps its own in the data directory. */
	@Bean
	PlatformSecrets platformSecrets(PlatformProperties properties) {
		if (properties.secretKeys() != null && !properties.secretKeys().isBlank()) {
			return PlatformSecrets.of(properties.secretKeys());
		}
		if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
			return PlatformSecrets.fromKeyFile(Path.of(properties.keyFile()));
		}
		return PlatformSecrets.of(null);
	}

	@Bean
	@ConditionalOnProperty(name = "calldesk.state.store", havingValue = "memory", matchIfMissing = true)
	TokenCache inMemoryTokenCache(Clock clock) {
		return new InMemoryTokenCache(clock);
	}

	@Bean
	@ConditionalOnProperty(name = "calldesk.state.store", havingValue = "redis")
	TokenCache redisTokenCache(RedissonClient redisson, Environment environment) {
		return new RedisTokenCache(redisson, environment.getProperty("calldesk.redis.prefix", "calldesk:"));
	}
}
