package com.calldesk.connector;

import java.util.List;

/**
 * What to answer the platform and what it told us. {@code eventId} (null for a URL check) lets the
 * caller drop a replayed push; {@code usersLeft} are the people who left the organisation.
 */
public record CallbackOutcome(int status, String contentType, String body, String eventId, List<String> usersLeft) {

	public CallbackOutcome {
		usersLeft = usersLeft == null ? List.of() : List.copyOf(usersLeft);
	}
}
