package com.calldesk.phone;

/**
 * A valid number. {@code e164} is the one form used for storage and lookup, so a caller ID that a
 * carrier sends as {@code 013800138000}, {@code 8613800138000} or {@code +86 138-0013-8000} finds
 * the same contact.
 */
public record PhoneNumber(String e164, Kind kind, String regionZh, String regionEn, String national) {

	public enum Kind {
		MOBILE, LANDLINE, SERVICE, OTHER
	}
}
