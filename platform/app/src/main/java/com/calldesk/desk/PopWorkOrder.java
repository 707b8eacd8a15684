package com.calldesk.desk;

import java.time.Instant;

/** A work order (工单) as a line of the pop, a call's links or a history. */
public record PopWorkOrder(long id, String title, String status, String priority, Instant createdAt) {
}
