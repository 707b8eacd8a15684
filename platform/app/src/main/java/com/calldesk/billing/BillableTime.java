package com.calldesk.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;

import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.PartyLeg;

/** The stretch of a call a tenant pays for: its kind, and talk time from the far end's answer to the end. */
public record BillableTime(ChargeKind kind, Instant from, Instant to) {

	public BillableTime {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	/**
	 * What of {@code call} is billable: an answered outbound call from the customer's answer to the end,
	 * and every answered leg through the gateway on the agent's side — a forward to a mobile (F14) or a
	 * transfer to a number — from its own answer to its own end. Unanswered calls cost nothing, and an
	 * inbound caller's own leg is free.
	 */
	public static List<BillableTime> of(CallSnapshot call) {
		List<BillableTime> billable = new ArrayList<>();
		if ("OUTBOUND".equals(call.direction()) && call.answeredAt() != null && call.endedAt() != null) {
			billable.add(new BillableTime(ChargeKind.OUTBOUND, call.answeredAt(), call.endedAt()));
		}
		for (PartyLeg leg : call.agentLegs()) {
			if ("FORWARD".equals(leg.kind()) && leg.answeredAt() != null && leg.endedAt() != null) {
				billable.add(new BillableTime(ChargeKind.FORWARD, leg.answeredAt(), leg.endedAt()));
			}
		}
		return List.copyOf(billable);
	}

	/** Talk time; never negative (clocks of two nodes may disagree by a little). */
	public Duration talk() {
		Duration talk = Duration.between(from, to);
		return talk.isNegative() ? Duration.ZERO : talk;
	}
}
