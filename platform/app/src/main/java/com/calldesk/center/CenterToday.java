package com.calldesk.center;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Today as the supervisor reads the page: the calendar day in China, whatever zone the server runs in. */
@Component
class CenterToday {

	private final Clock clock;

	CenterToday(Clock clock) {
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CallListQuery.CHINA));
	}

	Instant start() {
		return today().atStartOfDay(CallListQuery.CHINA).toInstant();
	}

	Instant now() {
		return clock.instant();
	}
}
