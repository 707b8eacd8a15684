package com.calldesk.desk;

import java.time.Instant;

/** A call as the pop and the history list it: when, which way, who took it, how long they talked. */
public record PopCall(String callId, String direction, String seat, Instant startedAt, boolean answered, long durationSeconds) {
}
