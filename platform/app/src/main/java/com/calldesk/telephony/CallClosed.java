package com.calldesk.telephony;

import java.time.Instant;

/**
 * A call's record was closed, published inside the closing transaction of the current tenant, so a
 * listener's writes (a callback task) commit or roll back with the record. {@code tab} is null for a
 * call in no list (internal).
 */
public record CallClosed(String callId, CallTab tab, String customerNumber, String seat, Instant offeredAt, Instant endedAt,
		String endReason) {
}
