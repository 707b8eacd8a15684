package com.calldesk.sip.calls;

import java.time.Instant;

/**
 * A call as the rest of the platform sees it at one moment: enough for a call record and for the
 * CTI events. Times are null until they happen. {@code customerNumber} is the caller of an inbound
 * call and the callee of an outbound one; {@code forwardedTo} the mobile an inbound call went on to (F14).
 */
public record CallSnapshot(String callId, long tenantId, String tenantCode, String direction, String customerNumber,
		String dialledNumber, Long trunkNumberId, String trunkNumber, String displayNumber, String seat, CallState state, Instant offeredAt,
		Instant ringingAt, Instant answeredAt, Instant endedAt, String endedBy, String endReason, int sipStatus,
		String recording, String node, String forwardedTo) {
}
