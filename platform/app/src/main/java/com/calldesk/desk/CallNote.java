package com.calldesk.desk;

import java.time.Instant;

/** The service note (服务备注) on a call; {@code text} is "" and the rest null while none was written. */
public record CallNote(String callId, String text, Instant updatedAt, String updatedBy) {

	static CallNote none(String callId) {
		return new CallNote(callId, "", null, null);
	}
}
