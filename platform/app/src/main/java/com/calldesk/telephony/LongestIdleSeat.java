package com.calldesk.telephony;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.sip.calls.ActiveCalls;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.SeatPicker;

/**
 * The seat of the tenant that has been idle longest: registered, not on a call, and whose last call
 * ended first (never-used seats first). The full ACD with agent states and strategies replaces it.
 * Seats are asked whether they are reachable in idle order and only until one is, because in
 * production that question is a round trip to Redis.
 */
@Component
class LongestIdleSeat implements SeatPicker {

	private final LoadingCache<Long, List<String>> seatsOfTenant;

	private final Map<String, Instant> idleSince = new ConcurrentHashMap<>();

	private volatile ActiveCalls active;

	LongestIdleSeat(SeatAllocation seats, RoutingCaches caches) {
		this.seatsOfTenant = caches.cache(10_000, tenantId -> seats.of(tenantId).stream().map(Seat::getSipUsername).toList());
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
		ActiveCalls calls = active;
		return seatsOfTenant.get(tenantId).stream()
			.filter(seat -> calls == null || !calls.onCall(seat))
			.sorted(Comparator.comparing((String seat) -> idleSince.getOrDefault(seat, Instant.EPOCH)))
			.filter(reachable)
			.findFirst();
	}
}
