package com.calldesk.callback;

import java.time.Instant;

/** One try to reach the caller: an outbound call with how it ended, or an outcome written by hand. */
public record CallbackAttempt(long id, long taskId, String callId, String outcome, String note, String byUser, Instant occurredAt) {
}
