package com.calldesk.center;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.calldesk.problem.DomainException;

/**
 * Where the next page of a list starts: the (offered_at, id) of the last row shown. Opaque to the
 * page (base64url), so the key can change without breaking bookmarks' shape; a cursor that does not
 * decode is a 400, never a silent first page.
 */
record ListCursor(Instant offeredAt, String id) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	String encode() {
		return ENCODER.encodeToString((offeredAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	static ListCursor decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			String id = text.substring(colon + 1);
			if (colon < 1 || id.isEmpty() || id.length() > 36) {
				throw new IllegalArgumentException(text);
			}
			return new ListCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))), id);
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("center.cursor.invalid");
		}
	}
}
