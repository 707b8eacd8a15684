package com.calldesk.center;

import java.time.Instant;

/** One line of a call center list, as read from {@code call_record}. */
record CallListRow(String id, String tab, String customerNumber, String dialledNumber, String trunkNumber, String displayNumber,
		String seat, Instant offeredAt, Instant ringingAt, Instant answeredAt, Instant endedAt, String endedBy, String endReason,
		boolean recorded, long costFen, Long callbackTaskId) {
}
