package com.calldesk.acd;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * When a tenant's call center is open (F11, first part): working days of the week with one daily
 * opening, holidays that close a working day and make-up working days (调休) that open a weekend day,
 * all in China time. Off ({@code enabled} false) means open around the clock.
 */
public record PhoneRules(boolean enabled, Set<DayOfWeek> openDays, LocalTime openFrom, LocalTime openUntil, Set<LocalDate> holidays,
		Set<LocalDate> workdays) {

	public static final PhoneRules ALWAYS_OPEN = new PhoneRules(false, Set.of(DayOfWeek.values()), LocalTime.MIN, LocalTime.MAX, Set.of(),
			Set.of());

	public PhoneRules {
		if (openFrom != null && openUntil != null && !openFrom.isBefore(openUntil)) {
			throw new IllegalArgumentException("opening must end after it starts");
		}
		openDays = Set.copyOf(openDays);
		holidays = Set.copyOf(holidays);
		workdays = Set.copyOf(workdays);
	}

	public boolean openAt(Instant instant) {
		if (!enabled) {
			return true;
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, SeatAgent.CHINA);
		LocalDate day = local.toLocalDate();
		boolean workingDay = !holidays.contains(day) && (workdays.contains(day) || openDays.contains(day.getDayOfWeek()));
		LocalTime time = local.toLocalTime();
		return workingDay && !time.isBefore(openFrom) && time.isBefore(openUntil);
	}
}
