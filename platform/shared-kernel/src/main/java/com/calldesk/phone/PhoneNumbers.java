package com.calldesk.phone;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;

/** Parses and describes phone numbers; numbers without a country code are read as Chinese. */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

	private static final int MAX_INPUT = 32;

	private PhoneNumbers() {
	}

	/** The number, or empty when it is not a valid, dialable number. */
	public static Optional<PhoneNumber> parse(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
			return Optional.empty();
		}
		try {
			Phonenumber.PhoneNumber number = UTIL.parse(carrierForm(raw.strip()), "CN");
			if (!UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164), kind(number),
					GEOCODER.getDescriptionForNumber(number, Locale.SIMPLIFIED_CHINESE),
					GEOCODER.getDescriptionForNumber(number, Locale.ENGLISH),
					UTIL.format(number, PhoneNumberFormat.NATIONAL)));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every spelling under which a record may hold this number: the E.164 form (what CallDesk writes
	 * for calls out), and the forms carriers present a Chinese caller in (national, 86…, 0086…, and a
	 * mobile with a trunk 0), plus {@code raw} itself. Matching any of them finds the same customer
	 * whichever way a carrier wrote them; a number that does not parse is only itself.
	 */
	public static java.util.Set<String> spellings(String raw) {
		java.util.Set<String> forms = new java.util.LinkedHashSet<>();
		if (raw == null || raw.isBlank()) {
			return forms;
		}
		forms.add(raw.strip());
		parse(raw).ifPresent(number -> addSpellings(number, forms));
		return forms;
	}

	/**
	 * The {@link #spellings} of a valid number, and none for anything else: a caller shown as
	 * "anonymous" or by a name is many people under one name, who share no history.
	 */
	public static java.util.Set<String> spellingsOfNumber(String raw) {
		java.util.Set<String> forms = new java.util.LinkedHashSet<>();
		parse(raw).ifPresent(number -> {
			forms.add(raw.strip());
			addSpellings(number, forms);
		});
		return forms;
	}

	private static void addSpellings(PhoneNumber number, java.util.Set<String> forms) {
		String e164 = number.e164();
		forms.add(e164);
		forms.add("00" + e164.substring(1));
		if (e164.startsWith("+86")) {
			String national = number.national().replaceAll("[^0-9]", "");
			forms.add(e164.substring(1));
			forms.add(national);
			if (number.kind() == PhoneNumber.Kind.MOBILE) {
				forms.add("0" + national);
			}
		}
	}

	/** Like {@link #parse} but throws a bilingual 400 for an invalid number. */
	public static PhoneNumber require(String raw) {
		return parse(raw).orElseThrow(() -> com.calldesk.problem.DomainException.badRequest("phone.invalid", raw));
	}

	/** Carriers often send Chinese caller IDs with a bare 86 prefix or a trunk 0 before a mobile. */
	private static String carrierForm(String raw) {
		String digits = raw.replaceAll("[\\s\\-()]", "");
		if (digits.matches("86(1[3-9][0-9]{9}|[2-9][0-9]{8,10})")) {
			return "+" + digits;
		}
		if (digits.matches("01[3-9][0-9]{9}")) {
			return digits.substring(1);
		}
		return raw;
	}

	private static PhoneNumber.Kind kind(Phonenumber.PhoneNumber number) {
		PhoneNumberType type = UTIL.getNumberType(number);
		return switch (type) {
			case MOBILE -> PhoneNumber.Kind.MOBILE;
			case FIXED_LINE, FIXED_LINE_OR_MOBILE -> PhoneNumber.Kind.LANDLINE;
			case TOLL_FREE, SHARED_COST, UAN, PREMIUM_RATE -> PhoneNumber.Kind.SERVICE;
			default -> PhoneNumber.Kind.OTHER;
		};
	}
}
