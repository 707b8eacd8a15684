package com.calldesk.acd;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The board of a single node: a map per tenant, each seat changed inside {@code compute}. */
public final class InMemoryAgentBoard implements AgentBoard {

	private final Map<Long, Map<String, SeatAgent>> tenants = new ConcurrentHashMap<>();

	private final Clock clock;

	public InMemoryAgentBoard(Clock clock) {
		this.clock = clock;
	}

	@Override
	public SeatAgent get(long tenantId, String seat) {
		return seats(tenantId).computeIfAbsent(seat, s -> SeatAgent.offline(tenantId, s, clock.instant()));
	}

	@Override
	public List<SeatAgent> of(long tenantId) {
		return List.copyOf(seats(tenantId).values());
	}

	/** A scan of the tenant: in process that is cheap enough (see docs/benchmarks.md, ACD decision time). */
	@Override
	public List<SeatAgent> longestIdle(long tenantId, Instant now, Set<String> skip, int limit) {
		return seats(tenantId).values().stream().filter(a -> a.offerable(now) && !skip.contains(a.seat())).sorted(LONGEST_IDLE).limit(limit)
			.toList();
	}

	@Override
	public Optional<Change> change(long tenantId, String seat, UnaryOperator<SeatAgent> transition) {
		SeatAgent[] before = new SeatAgent[1];
		SeatAgent after = seats(tenantId).compute(seat, (s, current) -> {
			before[0] = current != null ? current : SeatAgent.offline(tenantId, s, clock.instant());
			return transition.apply(before[0]);
		});
		return after == before[0] ? Optional.empty() : Optional.of(new Change(before[0], after));
	}

	@Override
	public void retain(long tenantId, Collection<String> seats) {
		seats(tenantId).keySet().retainAll(seats);
	}

	private Map<String, SeatAgent> seats(long tenantId) {
		return tenants.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
	}
}
