package com.calldesk.telephony;

import java.time.Instant;

/**
 * The call center page's four lists (F21), after ANCHORS' call buckets: inbound answered means an agent
 * leg answered, outbound answered means the customer answered. An internal call (agent to agent) is
 * in none of them.
 */
public enum CallTab {
	/** 已接来电 */
	IN_ANSWERED,
	/** 未接来电 */
	IN_MISSED,
	/** 呼出已接 */
	OUT_ANSWERED,
	/** 呼出未接 */
	OUT_MISSED;

	/** The tab of an ended call, or null for a call in no tab (internal). */
	public static CallTab of(String direction, Instant answeredAt) {
		return switch (direction) {
			case "INBOUND" -> answeredAt != null ? IN_ANSWERED : IN_MISSED;
			case "OUTBOUND" -> answeredAt != null ? OUT_ANSWERED : OUT_MISSED;
			default -> null;
		};
	}
}
