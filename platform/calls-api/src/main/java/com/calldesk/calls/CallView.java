package com.calldesk.calls;

import java.time.Instant;
import java.util.List;

import com.calldesk.phone.PhoneNumber;

/**
 * A call at one moment, as every consumer of CTI events sees it. {@code customer} is the customer's number
 * parsed (region, kind) and null when it cannot be ({@code customerNumber} keeps what the carrier sent);
 * for an INTERNAL call it is null and {@code customerNumber} is the colleague's seat. {@code seat} is the
 * seat this view concerns: the one rung (each seat of a ring-all has its own view), talking, or consulted.
 * Times are null until they happen; {@code legs} are the agent-side legs, the current one last.
 */
public record CallView(String callId, long tenantId, String tenantCode, CallDirection direction, PhoneNumber customer,
		String customerNumber, String dialledNumber, String trunkNumber, String displayNumber, String seat, CallPhase phase, boolean held,
		String consultingSeat, Instant offeredAt, Instant ringingAt, Instant answeredAt, Instant endedAt, Party endedBy, String endReason,
		String node, String forwardedTo, List<LegView> legs) {

	public CallView {
		legs = legs == null ? List.of() : List.copyOf(legs);
	}

	/** This view as the given seat sees it (a ring-all fork, a consulted colleague). */
	public CallView forSeat(String otherSeat) {
		return new CallView(callId, tenantId, tenantCode, direction, customer, customerNumber, dialledNumber, trunkNumber, displayNumber,
				otherSeat, phase, held, consultingSeat, offeredAt, ringingAt, answeredAt, endedAt, endedBy, endReason, node, forwardedTo, legs);
	}

	/** Every seat this call concerns now: the one on it, the one consulted. */
	public List<String> seats() {
		if (consultingSeat != null && !consultingSeat.equals(seat)) {
			return seat == null ? List.of(consultingSeat) : List.of(seat, consultingSeat);
		}
		return seat == null ? List.of() : List.of(seat);
	}

	/** This view in another phase (to the seat a queued call rings for, it rings). */
	public CallView withPhase(CallPhase other) {
		return new CallView(callId, tenantId, tenantCode, direction, customer, customerNumber, dialledNumber, trunkNumber, displayNumber,
				seat, other, held, consultingSeat, offeredAt, ringingAt, answeredAt, endedAt, endedBy, endReason, node, forwardedTo, legs);
	}
}
