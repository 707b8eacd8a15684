package com.calldesk.acd;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Numbers a call may be forwarded to (F14): a valid Chinese mobile or landline, kept as the national
 * digits an agent would dial, so the forward takes the same outbound route a seat's call would.
 */
final class ForwardNumbers {

	private ForwardNumbers() {
	}

	static Optional<String> dialable(String number) {
		if (number == null || number.isBlank() || number.length() > 20) {
			return Optional.empty();
		}
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			Phonenumber.PhoneNumber parsed = util.parse(number, "CN");
			if (parsed.getCountryCode() != 86 || !util.isValidNumber(parsed)) {
				return Optional.empty();
			}
			return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", ""));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}
}
