package com.calldesk.sip.calls;

import java.time.Instant;
import java.util.List;

/**
 * A call as the rest of the platform sees it at one moment: enough for a call record and for the
 * CTI events. Times are null until they happen. {@code customerNumber} is the caller of an inbound
 * call and the callee of an outbound one (for an {@code INTERNAL} call, the colleague's seat); {@code forwardedTo} the number the call is on now through the
 * gateway (a forward to a mobile, F14, or a transfer to a number); {@code agentLegs} every leg on the
 * agent's side in order, the current one last (one per agent reached, after transfers).
 */
public record CallSnapshot(String callId, long tenantId, String tenantCode, String direction, String customerNumber,
		String dialledNumber, Long trunkNumberId, String trunkNumber, String displayNumber, String seat, CallState state, Instant offeredAt,
		Instant ringingAt, Instant answeredAt, Instant endedAt, String endedBy, String endReason, int sipStatus,
		String recording, String node, String forwardedTo, List<PartyLeg> agentLegs) {

	public CallSnapshot {
		agentLegs = agentLegs == null ? List.of() : List.copyOf(agentLegs);
	}

	/** This snapshot as seen from another seat of the call (a consulted colleague's agent state). */
	public CallSnapshot withSeat(String otherSeat) {
		return new CallSnapshot(callId, tenantId, tenantCode, direction, customerNumber, dialledNumber, trunkNumberId, trunkNumber, displayNumber,
				otherSeat, state, offeredAt, ringingAt, answeredAt, endedAt, endedBy, endReason, sipStatus, recording, node, forwardedTo, agentLegs);
	}
}
