package com.calldesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock moved to start at 12:00 today in China; it ticks on from there. Calls seeded
 * "minutes ago" are then still today on China's calendar even when the suite runs just after midnight
 * there (a run at 16:03 UTC once found seeded calls on yesterday's list).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MiddayInChina {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	@Primary
	Clock middayInChina() {
		Instant now = Instant.now();
		Instant midday = LocalDate.now(CHINA).atTime(12, 0).atZone(CHINA).toInstant();
		return Clock.offset(Clock.systemUTC(), Duration.between(now, midday));
	}
}
