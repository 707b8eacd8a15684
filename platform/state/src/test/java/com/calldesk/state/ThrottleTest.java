package com.calldesk.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ThrottleTest {

	private final InMemoryExpiringCountersTest.MutableClock clock = new InMemoryExpiringCountersTest.MutableClock();

	private final Throttle throttle = new Throttle(new InMemoryExpiringCounters(clock), "login", 3, Duration.ofMinutes(1),
			Duration.ofMinutes(5));

	@Test
	void blocksOnTheNthFailureInsideTheWindowForTheBlockDuration() {
		assertThat(throttle.failed("a")).isFalse();
		assertThat(throttle.failed("a")).isFalse();
		assertThat(throttle.isBlocked("a")).isFalse();
		assertThat(throttle.failed("a")).isTrue();
		assertThat(throttle.isBlocked("a")).isTrue();
		assertThat(throttle.isBlocked("b")).isFalse();
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.isBlocked("a")).isFalse();
	}

	@Test
	void failuresSpreadBeyondTheWindowNeverBlock() {
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.failed("slow")).isFalse();
			clock.advance(Duration.ofSeconds(31));
		}
	}

	@Test
	void successClearsEarlierFailures() {
		throttle.failed("a");
		throttle.failed("a");
		throttle.succeeded("a");
		assertThat(throttle.failed("a")).isFalse();
	}
}
