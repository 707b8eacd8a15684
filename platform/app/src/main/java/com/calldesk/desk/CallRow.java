package com.calldesk.desk;

import java.time.Duration;
import java.time.Instant;

/** The columns of a call record the desk shows. */
record CallRow(String id, String direction, String customerNumber, String seat, Instant offeredAt, Instant answeredAt,
		Instant endedAt) {

	/** Talk time so far: from the answer to the end, or to {@code now} while the call is up. */
	long durationSeconds(Instant now) {
		if (answeredAt == null) {
			return 0;
		}
		return Math.max(0, Duration.between(answeredAt, endedAt != null ? endedAt : now).toSeconds());
	}

	PopCall toPopCall(Instant now) {
		return new PopCall(id, direction, seat, offeredAt, answeredAt != null, durationSeconds(now));
	}
}
