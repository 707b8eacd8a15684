package com.calldesk.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.calldesk.sip.calls.CallSnapshot;

/** The stretch of a call a tenant pays for: its kind, and talk time from the far end's answer to the end. */
public record BillableTime(ChargeKind kind, Instant from, Instant to) {

	public BillableTime {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	/**
	 * What of {@code call} is billable: an answered outbound call, from the customer's answer to the
	 * end. Unanswered calls cost nothing, and an inbound caller's own leg is free.
	 *
	 * <p>Forward to mobile (F14) plugs in here: once the snapshot carries the forwarded leg's answer and
	 * end, an inbound call whose forwarded leg was answered is {@link ChargeKind#FORWARD} from that
	 * answer to that end (or to the call's end). Nothing else changes: the tariff already has the
	 * forward rate and the debit names the kind.
	 */
	public static Optional<BillableTime> of(CallSnapshot call) {
		if ("OUTBOUND".equals(call.direction()) && call.answeredAt() != null && call.endedAt() != null) {
			return Optional.of(new BillableTime(ChargeKind.OUTBOUND, call.answeredAt(), call.endedAt()));
		}
		return Optional.empty();
	}

	/** Talk time; never negative (clocks of two nodes may disagree by a little). */
	public Duration talk() {
		Duration talk = Duration.between(from, to);
		return talk.isNegative() ? Duration.ZERO : talk;
	}
}
