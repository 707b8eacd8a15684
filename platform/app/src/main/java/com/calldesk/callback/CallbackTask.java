package com.calldesk.callback;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code callback_task}. */
public record CallbackTask(long id, String caller, LocalDate taskDay, String source, String firstCallId, String lastCallId,
		int missedCalls, String ownerSeat, Long ownerUserId, String ownerReason, String status, Instant dueAt, Instant createdAt,
		Instant updatedAt, int attempts, Instant closedAt, String closedBy, String outcome, String outcomeNote, String closingCallId,
		int version) {

	public static final String OPEN = "OPEN";

	public static final String DONE = "DONE";
}
