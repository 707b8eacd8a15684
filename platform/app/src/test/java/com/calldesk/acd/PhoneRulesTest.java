package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Business hours in China time, holidays and make-up working days (2026: 国庆 and its 调休). */
class PhoneRulesTest {

	static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
			DayOfWeek.FRIDAY);

	final PhoneRules rules = new PhoneRules(true, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(LocalDate.of(2026, 10, 1)),
			Set.of(LocalDate.of(2026, 9, 27)));

	@Test
	void openOnWorkingDaysWithinHoursInChinaTime() {
		// Wednesday 25 November 2026: 09:00 in Beijing is 01:00 UTC
		assertThat(rules.openAt(Instant.parse("2026-11-25T00:59:59Z"))).as("08:59:59").isFalse();
		assertThat(rules.openAt(Instant.parse("2026-11-25T01:00:00Z"))).as("09:00").isTrue();
		assertThat(rules.openAt(Instant.parse("2026-11-25T09:59:59Z"))).as("17:59:59").isTrue();
		assertThat(rules.openAt(Instant.parse("2026-11-25T10:00:00Z"))).as("18:00").isFalse();
		assertThat(rules.openAt(Instant.parse("2026-11-28T03:00:00Z"))).as("Saturday 11:00").isFalse();
	}

	@Test
	void aHolidayClosesAWorkingDayAndAMakeUpDayOpensAWeekend() {
		assertThat(rules.openAt(Instant.parse("2026-10-01T03:00:00Z"))).as("Thursday 1 October, 国庆").isFalse();
		assertThat(rules.openAt(Instant.parse("2026-09-27T03:00:00Z"))).as("Sunday 27 September, 调休").isTrue();
	}

	@Test
	void rulesThatAreOffMeanOpenAroundTheClockAndNonsenseHoursAreRefused() {
		PhoneRules off = new PhoneRules(false, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(), Set.of());
		assertThat(off.openAt(Instant.parse("2026-11-28T20:00:00Z"))).isTrue();
		assertThat(PhoneRules.ALWAYS_OPEN.openAt(Instant.parse("2026-11-28T20:00:00Z"))).isTrue();
		assertThatThrownBy(() -> new PhoneRules(true, WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of(), Set.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
