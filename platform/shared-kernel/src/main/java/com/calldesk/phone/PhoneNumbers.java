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
