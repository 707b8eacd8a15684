package com.calldesk.calls;

import java.time.Instant;

/**
 * A callback task (B2) was opened for a missed caller, took a repeat call, was tried or was closed.
 * {@code ownerSeat} is the seat whose agent must call back (null: nobody to give it to); {@code seq}
 * is the change's time in microseconds, newer wins.
 */
public record CallbackTaskChanged(long tenantId, long seq, Instant at, long taskId, String caller, String ownerSeat,
		String status, Instant dueAt, int missedCalls) implements CtiEvent {
}
