package com.calldesk.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

public class InMemoryExpiringCountersTest {

	private final MutableClock clock = new MutableClock();

	private final InMemoryExpiringCounters counters = new InMemoryExpiringCounters(clock);

	@Test
	void countsWithinTheWindowAndStartsAgainAfterIt() {
		assertThat(counters.increment("k", Duration.ofSeconds(10))).isEqualTo(1);
		assertThat(counters.increment("k", Duration.ofSeconds(10))).isEqualTo(2);
		clock.advance(Duration.ofSeconds(10));
		assertThat(counters.get("k")).isZero();
		assertThat(counters.increment("k", Duration.ofSeconds(10))).isEqualTo(1);
	}

	@Test
	void blockLastsExactlyItsDuration() {
		counters.block("ip", Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(counters.isBlocked("ip")).isTrue();
		clock.advance(Duration.ofMillis(1));
		assertThat(counters.isBlocked("ip")).isFalse();
		assertThat(counters.isBlocked("other")).isFalse();
	}

	@Test
	void resetForgetsTheCount() {
		counters.increment("k", Duration.ofSeconds(10));
		counters.reset("k");
		assertThat(counters.get("k")).isZero();
	}

	public static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T08:00:00Z");

		public void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
