package com.calldesk.telephony;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.sip.calls.ActiveCalls;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.SeatPicker;

/**
 * The seat of the tenant that has been idle longest: registered, not on a call, and whose last call
 * ended first (never-used seats first). The full ACD with agent states and strategies replaces it.
 */
@Component
class LongestIdleSeat implements SeatPicker {

	private final SeatAllocation seats;

	private final Map<String, Instant> idleSince = new ConcurrentHashMap<>();

	private volatile ActiveCalls active;

	LongestIdleSeat(SeatAllocation seats) {
		this.seats = seats;
	}

	void watch(ActiveCalls active) {
		this.active = active;
	}

	void callEnded(CallSnapshot call) {
		if (call.seat() != null) {
			idleSince.put(call.seat(), call.endedAt());
		}
	}

	@Override
	public Optional<String> pick(long tenantId, Predicate<String> reachable) {
		Set<String> busy = active == null ? Set.of()
				: active.snapshots().stream().map(CallSnapshot::seat).filter(s -> s != null).collect(Collectors.toSet());
		return seats.of(tenantId).stream()
			.map(Seat::getSipUsername)
			.filter(seat -> !busy.contains(seat))
			.filter(reachable)
			.min(Comparator.comparing((String seat) -> idleSince.getOrDefault(seat, Instant.EPOCH)));
	}
}
