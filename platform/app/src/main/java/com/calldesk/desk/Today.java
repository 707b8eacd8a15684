package com.calldesk.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * "Today" as the agents live it: the calendar day in China (the ACD counts calls answered per day in
 * the same zone), whatever zone the server runs in. Times themselves stay instants (UTC on the wire).
 */
@Component
class Today {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Clock clock;

	Today(Clock clock) {
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	Instant start() {
		return LocalDate.now(clock.withZone(CHINA)).atStartOfDay(CHINA).toInstant();
	}
}
