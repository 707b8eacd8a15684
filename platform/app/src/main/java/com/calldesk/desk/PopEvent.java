package com.calldesk.desk;

import java.time.Instant;

/** An event (事件) as a line of the pop, a call's links or a history. */
public record PopEvent(long id, String title, String status, Instant createdAt) {
}
