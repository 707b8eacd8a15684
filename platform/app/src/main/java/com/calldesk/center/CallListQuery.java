package com.calldesk.center;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.calldesk.problem.DomainException;
import com.calldesk.telephony.CallTab;

/**
 * A list the page asks for: one tab, a range of days in China (both ends included, at most
 * {@link #MAX_DAYS}), and optionally a seat, a phone number (any spelling) or a customer.
 */
record CallListQuery(String tab, Instant from, Instant to, LocalDate fromDay, LocalDate toDay, String seat, String number,
		Long customerId) {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A year and a bit: enough for any report, and an index range the database reads in pages anyway. */
	static final int MAX_DAYS = 400;

	static CallListQuery parse(String tab, String from, String to, String seat, String number, Long customerId, LocalDate today) {
		CallTab parsedTab = tabOf(tab);
		LocalDate toDay = day(to, today, "to");
		LocalDate fromDay = day(from, toDay, "from");
		if (fromDay.isAfter(toDay)) {
			throw DomainException.badRequest("center.range.reversed", fromDay, toDay);
		}
		if (Duration.between(fromDay.atStartOfDay(), toDay.atStartOfDay()).toDays() + 1 > MAX_DAYS) {
			throw DomainException.badRequest("center.range.too-long", MAX_DAYS);
		}
		return new CallListQuery(parsedTab.name(), fromDay.atStartOfDay(CHINA).toInstant(),
				toDay.plusDays(1).atStartOfDay(CHINA).toInstant(), fromDay, toDay, blankToNull(seat, 40, "seat"),
				blankToNull(number, 40, "number"), customerId);
	}

	private static CallTab tabOf(String tab) {
		try {
			return CallTab.valueOf(tab == null ? "" : tab.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("center.tab.invalid", tab);
		}
	}

	private static LocalDate day(String value, LocalDate fallback, String field) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw DomainException.badRequest("center.date.invalid", field, value);
		}
	}

	private static String blankToNull(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw DomainException.badRequest("center.filter.too-long", field, max);
		}
		return value.strip();
	}
}
