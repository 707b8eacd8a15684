package com.calldesk.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStateChanged;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.AgentView;
import com.calldesk.calls.CtiBus;
import com.calldesk.provisioning.resources.ProvisioningChanged;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;

/**
 * The agents of every tenant as the ACD and the agent web see them: every change goes through the
 * board (atomic per seat), is journaled, and wakes the queue when an agent may have become free.
 * Phones drive presence: the first registration of an offline seat makes it available, losing the
 * last phone makes it offline; everything else is the agent's choice or the calls' doing.
 */
@Component
public class AgentDesk {

	private final AgentBoard board;

	private final AcdJournal journal;

	private final Clock clock;

	private final LoadingCache<Long, Set<String>> seats;

	private final List<LongConsumer> freed = new CopyOnWriteArrayList<>();

	private final java.util.Set<Long> tenantsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final CtiBus cti;

	AgentDesk(AgentBoard board, AcdJournal journal, Clock clock, SeatAllocation allocation) {
		this(board, journal, clock, allocation, event -> {
		});
	}

	@org.springframework.beans.factory.annotation.Autowired
	AgentDesk(AgentBoard board, AcdJournal journal, Clock clock, SeatAllocation allocation, CtiBus cti) {
		this.cti = cti;
		this.board = board;
		this.journal = journal;
		this.clock = clock;
		// refreshed, not expired: with the database away the ACD offers calls to the seats it knew (a failed
		// reload keeps them) rather than hold a SIP thread on a connection that will not come
		this.seats = Caffeine.newBuilder().maximumSize(10_000).refreshAfterWrite(Duration.ofSeconds(10))
			.build(tenantId -> Collections.unmodifiableSet(allocation.of(tenantId).stream().map(Seat::getSipUsername)
				.collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new))));
	}

	/** Every provisioned seat of the tenant with its agent (OFFLINE until seen). */
	public List<SeatAgent> agents(long tenantId) {
		// one read of the whole tenant (one round trip in production), not one per seat
		java.util.Map<String, SeatAgent> known = new java.util.HashMap<>();
		board.of(tenantId).forEach(agent -> known.put(agent.seat(), agent));
		java.time.Instant now = clock.instant();
		return seats.get(tenantId).stream().map(seat -> known.getOrDefault(seat, SeatAgent.offline(tenantId, seat, now))).toList();
	}

	/**
	 * The tenant's provisioned agents that can be offered a call at {@code now}, longest idle first,
	 * leaving out {@code skip}: read from the board as the stream is consumed (see {@link IdleLine}),
	 * so taking the first does not read the whole tenant.
	 */
	public Stream<SeatAgent> longestIdle(long tenantId, Set<String> skip, Instant now) {
		Set<String> provisioned = seats.get(tenantId);
		return new IdleLine(board, tenantId, skip, now).stream().filter(agent -> provisioned.contains(agent.seat()));
	}

	public Optional<SeatAgent> agent(long tenantId, String seat) {
		return seats.get(tenantId).contains(seat) ? Optional.of(board.get(tenantId, seat)) : Optional.empty();
	}

	/** The agent chose a status (F24). */
	public SeatAgent choose(long tenantId, String seat, AgentStatus status) {
		return choose(tenantId, seat, status, null);
	}

	/** The agent chose a status; resting (小休) with a reason (lunch, meeting…) the supervisor sees. */
	public SeatAgent choose(long tenantId, String seat, AgentStatus status, String restReason) {
		apply(tenantId, seat, agent -> agent.chose(status, status == AgentStatus.REST ? restReason : null, clock.instant()));
		return board.get(tenantId, seat);
	}

	/** The agent is done with notes before the wrap-up timer. */
	public SeatAgent endWrapUp(long tenantId, String seat) {
		apply(tenantId, seat, agent -> agent.wrapUpEnded(true, clock.instant()));
		return board.get(tenantId, seat);
	}

	void phoneRegistered(long tenantId, String seat) {
		apply(tenantId, seat, agent -> agent.status() == AgentStatus.OFFLINE ? agent.withStatus(AgentStatus.IDLE, clock.instant()) : agent);
	}

	void phoneGone(long tenantId, String seat) {
		apply(tenantId, seat, agent -> agent.withStatus(AgentStatus.OFFLINE, "phone-gone", clock.instant()));
	}

	/** Ends wrap-ups whose timer ran out (the dispatcher's second), in every tenant that has had an agent move. */
	void sweep() {
		for (long tenantId : tenantsSeen) {
			for (SeatAgent agent : board.of(tenantId)) {
				if (agent.state() == AgentState.WRAP_UP) {
					apply(tenantId, agent.seat(), a -> a.wrapUpEnded(false, clock.instant()));
				}
			}
		}
	}

	/** Applies a transition; a change is journaled, and one that leaves the agent offerable wakes the tenant's queue. */
	Optional<AgentBoard.Change> apply(long tenantId, String seat, UnaryOperator<SeatAgent> transition) {
		tenantsSeen.add(tenantId);
		return journaled(tenantId, board.change(tenantId, seat, transition));
	}

	/** {@link #apply} to {@code seen}, the agent as just read from the board (no second read when it is unchanged). */
	Optional<AgentBoard.Change> apply(long tenantId, SeatAgent seen, UnaryOperator<SeatAgent> transition) {
		tenantsSeen.add(tenantId);
		return journaled(tenantId, board.change(tenantId, seen, transition));
	}

	private Optional<AgentBoard.Change> journaled(long tenantId, Optional<AgentBoard.Change> change) {
		change.ifPresent(c -> {
			journal.agent(c.after());
			publish(c.after());
			if (c.after().status() == AgentStatus.IDLE && c.after().state() == AgentState.WAITING) {
				freed.forEach(listener -> listener.accept(tenantId));
			}
		});
		return change;
	}

	/** The agent as CTI consumers see it. */
	public AgentView view(SeatAgent agent) {
		return new AgentView(agent.tenantId(), agent.seat(), agent.status(), agent.state(), agent.since(), agent.callId(), agent.reason(),
				agent.wrapUpUntil(), agent.missedInARow(), agent.answeredOn(LocalDate.ofInstant(clock.instant(), SeatAgent.CHINA)));
	}

	private void publish(SeatAgent agent) {
		Instant since = agent.since();
		try {
			cti.publish(new AgentStateChanged(since.getEpochSecond() * 1_000_000 + since.getNano() / 1_000, clock.instant(), view(agent)));
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(AgentDesk.class).warn("A listener of the agent change of seat {} failed", agent.seat(), ex);
		}
	}

	void onFreed(LongConsumer listener) {
		freed.add(listener);
	}

	@EventListener
	void provisioningChanged(ProvisioningChanged change) {
		seats.invalidate(change.tenantId());
	}
}
