package com.calldesk.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.sip.ThrottledWarning;
import com.calldesk.sip.calls.CallDistribution;
import com.calldesk.sip.calls.CallLifecycle;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallStep;
import com.calldesk.sip.calls.QueueStanding;
import com.calldesk.sip.calls.QueuedCalls;
import com.calldesk.sip.registrar.Locations;

/**
 * The ACD (F7): picks the seat for each inbound call by the tenant's strategy (sticky agent first),
 * keeps the calls nobody is free for in the tenant's queue in arrival order, and offers the head of
 * the queue to each agent who frees up, until the max wait sends the call to overflow. Decisions for
 * new calls run on SIP threads; offers from the queue and the max-wait checks on one dispatcher
 * thread. An agent is claimed by an atomic change on the board, so no agent ever gets two offers.
 */
@Component
public class Acd implements CallDistribution, CallLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Acd.class);

	private static final String INTERNAL = "INTERNAL";

	private static final int MAX_UNAPPLIED = 100_000;

	private final AgentDesk desk;

	private final AcdJournal journal;

	private final Locations locations;

	private final Clock clock;

	private volatile java.util.function.LongFunction<PhoneRules> rules = tenantId -> PhoneRules.ALWAYS_OPEN;

	private volatile java.util.function.LongFunction<OverflowPlan> plans = tenantId -> OverflowPlan.MESSAGES;

	private final Map<Long, ConcurrentSkipListSet<Waiting>> queues = new ConcurrentHashMap<>();

	private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> roundRobin = new ConcurrentHashMap<>();

	private final ScheduledExecutorService dispatcher;

	/** Steps that free an agent and could not be applied yet ({@link #on}); bounded, so an outage cannot fill the heap. */
	private final java.util.Queue<CallStep> unapplied = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private final ThrottledWarning notApplied = new ThrottledWarning(log, TimeUnit.SECONDS.toNanos(10), System::nanoTime);

	private volatile QueuedCalls calls;

	private volatile WaitEstimator waits;

	@org.springframework.beans.factory.annotation.Autowired
	Acd(AgentDesk desk, AcdJournal journal, Locations locations, Clock clock) {
		this(desk, journal, locations, clock, Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "acd-dispatcher");
			thread.setDaemon(true);
			return thread;
		}));
	}

	/** With the dispatcher given: tests hand one that runs nothing by itself and call {@link #dispatch} in step. */
	Acd(AgentDesk desk, AcdJournal journal, Locations locations, Clock clock, ScheduledExecutorService dispatcher) {
		this.desk = desk;
		this.journal = journal;
		this.locations = locations;
		this.clock = clock;
		this.dispatcher = dispatcher;
		this.waits = new WaitEstimator(desk, seat -> !locations.of(seat).isEmpty(), tenantId -> Optional.empty());
		desk.onFreed(tenantId -> dispatcher.execute(() -> dispatch(tenantId)));
		dispatcher.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	/** Where the tenant's phone rules come from (F11). */
	@org.springframework.beans.factory.annotation.Autowired
	void rules(PhoneRuleBook book) {
		this.rules = book::of;
	}

	void rules(java.util.function.LongFunction<PhoneRules> rules) {
		this.rules = rules;
	}

	/** What overflowing calls do, per situation (F11). */
	@org.springframework.beans.factory.annotation.Autowired
	void plans(OverflowPlans plans) {
		this.plans = plans::of;
	}

	void plans(java.util.function.LongFunction<OverflowPlan> plans) {
		this.plans = plans;
	}

	/** The tenant's recent handle time, for the expected wait that queued callers hear (B7). */
	@org.springframework.beans.factory.annotation.Autowired
	void handleTimes(HandleTimes times) {
		handleTimes(times::average);
	}

	void handleTimes(java.util.function.LongFunction<Optional<Duration>> times) {
		this.waits = new WaitEstimator(desk, seat -> !locations.of(seat).isEmpty(), times);
	}

	/** The B2BUA of this node, which carries the waiting calls. */
	public void serve(QueuedCalls calls) {
		this.calls = calls;
	}

	@Override
	public Decision route(CallSnapshot call, Set<String> tried, Predicate<String> reachable) {
		long tenantId = call.tenantId();
		AcdSettings settings = journal.settings(tenantId);
		Instant now = clock.instant();
		if (!rules.apply(tenantId).openAt(now)) {
			return overflow(call, OverflowPlan.Situation.CLOSED, "closed", now);
		}
		boolean othersWaitFirst = queue(tenantId).stream().anyMatch(w -> !w.callId().equals(call.callId()));
		if (!othersWaitFirst && settings.strategy() == Strategy.RING_ALL) {
			List<String> seats = claimAll(call, settings, tried, reachable, now);
			if (!seats.isEmpty()) {
				return seats.size() == 1 ? new Ring(seats.get(0)) : new RingAll(seats);
			}
		}
		else if (!othersWaitFirst) {
			Optional<String> seat = claim(call, settings, tried, reachable, now);
			if (seat.isPresent()) {
				return new Ring(seat.get());
			}
		}
		// nobody to ring: only now the whole tenant is read, to tell waiting from overflow
		List<SeatAgent> agents = desk.agents(tenantId);
		boolean someoneWorks = agents.stream().anyMatch(a -> a.status() == AgentStatus.IDLE && reachable.test(a.seat()));
		if (someoneWorks) {
			boolean full = !waiting.containsKey(call.callId()) && queue(tenantId).size() >= settings.maxQueue();
			return full ? overflow(call, OverflowPlan.Situation.ALL_BUSY, "queue-full", now) : new Wait();
		}
		boolean someoneOnline = agents.stream().anyMatch(a -> a.status() != AgentStatus.OFFLINE && reachable.test(a.seat()));
		return someoneOnline ? overflow(call, OverflowPlan.Situation.ALL_BUSY, "all-busy", now)
				: overflow(call, OverflowPlan.Situation.NO_AGENT, "no-agent", now);
	}

	/**
	 * The call leaves the queue (if it was in it) for what the tenant's plan says for the situation;
	 * journaled here, because how the call ends afterwards (the caller hanging up to finish a message)
	 * says nothing about why it overflowed.
	 */
	private Overflow overflow(CallSnapshot call, OverflowPlan.Situation situation, String reason, Instant now) {
		Overflow overflow = plans.apply(call.tenantId()).overflow(situation, reason);
		Waiting left = leave(call.callId());
		String waited = left == null ? "" : "waited " + Duration.between(left.since(), now).toSeconds() + " s: ";
		journal.call(call.tenantId(), call.callId(), "OVERFLOWED", null,
				waited + reason + " → " + overflow.then().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), now);
		return overflow;
	}

	/**
	 * The first free agent not yet {@code tried}, in the strategy's order (the caller's last agent first),
	 * that has a phone and can be claimed for the call. Agents are read and phones looked up only in that
	 * order and only until one is claimed: in production each is a Redis read.
	 */
	private Optional<String> claim(CallSnapshot call, AcdSettings settings, Set<String> tried, Predicate<String> reachable, Instant now) {
		Iterator<SeatAgent> free = candidates(call.tenantId(), settings.strategy(), tried, now).iterator();
		if (!free.hasNext()) {
			return Optional.empty();
		}
		String sticky = settings.stickyAgent() ? journal.lastSeatOf(call.tenantId(), call.customerNumber()) : null;
		if (sticky != null && !tried.contains(sticky)) {
			Optional<SeatAgent> last = desk.agent(call.tenantId(), sticky).filter(a -> a.offerable(now));
			if (last.isPresent() && offer(call, last.get(), "sticky", reachable, now)) {
				return Optional.of(sticky);
			}
		}
		while (free.hasNext()) {
			SeatAgent agent = free.next();
			if (!agent.seat().equals(sticky) && offer(call, agent, null, reachable, now)) {
				return Optional.of(agent.seat());
			}
		}
		return Optional.empty();
	}

	/** Rings {@code agent} for the call if it has a phone and is still free (claimed by an atomic change). */
	private boolean offer(CallSnapshot call, SeatAgent agent, String detail, Predicate<String> reachable, Instant now) {
		if (!reachable.test(agent.seat()) || desk.apply(call.tenantId(), agent, a -> a.offered(call.callId(), now)).isEmpty()) {
			return false;
		}
		roundRobin.computeIfAbsent(call.tenantId(), t -> new AtomicInteger()).set(seatNo(agent.seat()));
		journal.call(call.tenantId(), call.callId(), "OFFERED", agent.seat(), detail, now);
		return true;
	}

	/**
	 * The tenant's free agents not yet tried, in the strategy's order. Longest idle comes from the
	 * board's index a few at a time; fewest calls and round robin still read and order the whole tenant
	 * (their order is not kept on the board: docs/call-control.md, Distribution).
	 */
	private Stream<SeatAgent> candidates(long tenantId, Strategy strategy, Set<String> tried, Instant now) {
		if (strategy == Strategy.LONGEST_IDLE) {
			return desk.longestIdle(tenantId, tried, now);
		}
		return desk.agents(tenantId).stream().filter(a -> !tried.contains(a.seat()) && a.offerable(now)).sorted(order(tenantId, strategy));
	}

	/**
	 * Ring-all: the caller's last agent alone when free (B5), else every free agent with a phone, each
	 * claimed atomically (an agent another call claims meanwhile is simply left out).
	 */
	private List<String> claimAll(CallSnapshot call, AcdSettings settings, Set<String> tried, Predicate<String> reachable, Instant now) {
		List<SeatAgent> free = candidates(call.tenantId(), Strategy.RING_ALL, tried, now).toList();
		if (free.isEmpty()) {
			return List.of();
		}
		String sticky = settings.stickyAgent() ? journal.lastSeatOf(call.tenantId(), call.customerNumber()) : null;
		Optional<SeatAgent> last = free.stream().filter(a -> a.seat().equals(sticky)).findFirst();
		if (last.isPresent() && offer(call, last.get(), "sticky", reachable, now)) {
			return List.of(sticky);
		}
		List<String> claimed = new java.util.ArrayList<>();
		for (SeatAgent agent : free) {
			if (offer(call, agent, "ring-all", reachable, now)) {
				claimed.add(agent.seat());
			}
		}
		return claimed;
	}

	private Comparator<SeatAgent> order(long tenantId, Strategy strategy) {
		return switch (strategy) {
			case LONGEST_IDLE, RING_ALL -> Comparator.comparing(SeatAgent::idleSince).thenComparing(SeatAgent::seat);
			case FEWEST_CALLS -> Comparator.comparingInt((SeatAgent a) -> a.answeredOn(SeatAgent.day(clock.instant())))
				.thenComparing(SeatAgent::idleSince);
			case ROUND_ROBIN -> {
				// the seat after the one offered last time, wrapping around the seat numbers
				int after = roundRobin.computeIfAbsent(tenantId, t -> new AtomicInteger()).get();
				yield Comparator.comparingInt((SeatAgent a) -> Math.floorMod(seatNo(a.seat()) - after - 1, 10_000)).thenComparing(SeatAgent::seat);
			}
		};
	}

	/** The seat number at the end of a SIP account ({@code ss2001000ss0007} → 7). */
	static int seatNo(String seat) {
		int i = seat.length();
		while (i > 0 && Character.isDigit(seat.charAt(i - 1)) && seat.length() - i < 4) {
			i--;
		}
		return i == seat.length() ? 0 : Integer.parseInt(seat.substring(i));
	}

	/**
	 * What came of the calls: the queue, the answers and each seat's part in a call move the agents' states.
	 * A step that frees an agent (the call ended, the seat let go) and cannot be applied now (the agents'
	 * board in Redis is away) is kept and applied again each second until it is: otherwise the agent
	 * would stay "on a call" that ended during the outage and never be offered a call again.
	 */
	@Override
	public void on(CallStep step) {
		try {
			apply(step);
		}
		catch (RuntimeException ex) {
			if (!freesAnAgent(step) || unapplied.size() >= MAX_UNAPPLIED) {
				throw ex;
			}
			unapplied.add(step);
			notApplied.happened(n -> n + " steps that free an agent kept since the last report (applied again each second), the latest "
					+ step.getClass().getSimpleName() + " of call " + step.call().callId() + ": " + ex);
		}
	}

	private static boolean freesAnAgent(CallStep step) {
		return step instanceof CallStep.Ended || step instanceof CallStep.SeatNotAnswered || step instanceof CallStep.SeatReleased
				|| step instanceof CallStep.SeatConsulted || step instanceof CallStep.SeatHandedOver;
	}

	/** The kept steps, oldest first; stops at the first that still fails (the board is still away). */
	void applyUnapplied() {
		for (int left = unapplied.size(); left > 0; left--) {
			CallStep step = unapplied.peek();
			if (step == null) {
				return;
			}
			try {
				apply(step);
			}
			catch (RuntimeException ex) {
				return;
			}
			unapplied.poll();
		}
	}

	private void apply(CallStep step) {
		CallSnapshot call = step.call();
		if (step instanceof CallStep.Queued) {
			queued(call);
		}
		else if (step instanceof CallStep.Answered) {
			answered(call);
		}
		else if (step instanceof CallStep.Transferred transferred && transferred.how() != CallStep.Transferred.How.CONSULTED) {
			// a consulted seat was counted answering when the consultation was answered
			answered(call);
		}
		else if (step instanceof CallStep.SeatAnswered seat) {
			answered(call.withSeat(seat.seat()));
		}
		else if (step instanceof CallStep.SeatNotAnswered seat) {
			notAnswered(call, seat.seat(), seat.why());
		}
		else if (step instanceof CallStep.SeatReleased seat) {
			released(call, seat.seat());
		}
		else if (step instanceof CallStep.SeatConsulted seat) {
			consultEnded(call, seat.seat());
		}
		else if (step instanceof CallStep.SeatHandedOver seat) {
			transferredAway(call, seat.seat());
		}
		else if (step instanceof CallStep.Ended) {
			ended(call);
		}
	}

	private void notAnswered(CallSnapshot call, String seat, String why) {
		if (seat == null) {
			return;
		}
		AcdSettings settings = journal.settings(call.tenantId());
		Instant now = clock.instant();
		desk.apply(call.tenantId(), seat, a -> a.notAnswered(call.callId(), settings.noAnswerLimit(), settings.noAnswerDelay(), now));
		journal.call(call.tenantId(), call.callId(), "NO_ANSWER", seat, why, now);
	}

	@Override
	public Duration ringTimeout(long tenantId) {
		return journal.settings(tenantId).ringTimeout();
	}

	private void queued(CallSnapshot call) {
		ConcurrentSkipListSet<Waiting> queue = queue(call.tenantId());
		Waiting entry = waiting.computeIfAbsent(call.callId(), id -> {
			Waiting first = new Waiting(call.tenantId(), id, call, clock.instant());
			// the position counts the callers already waiting, so it is known before this one joins them
			journal.call(call.tenantId(), id, "QUEUED", null, "position " + (queue.headSet(first).size() + 1), first.since());
			return first;
		});
		queue.add(entry);
		dispatcher.execute(() -> dispatch(call.tenantId()));
	}

	/** Callers ahead in the tenant's queue on this node, and the expected wait (B7); empty while an agent rings for the call. */
	@Override
	public Optional<QueueStanding> standing(CallSnapshot call) {
		Waiting entry = waiting.get(call.callId());
		ConcurrentSkipListSet<Waiting> queue = queue(call.tenantId());
		if (entry == null || !queue.contains(entry)) {
			return Optional.empty();
		}
		return Optional.of(waits.standing(call.tenantId(), queue.headSet(entry).size()));
	}

	@Override
	public Duration announcementInterval(long tenantId) {
		return journal.settings(tenantId).announceEvery();
	}

	private void answered(CallSnapshot call) {
		if (call.seat() == null) {
			return;
		}
		Instant now = clock.instant();
		if ("INBOUND".equals(call.direction())) {
			leave(call.callId());
			desk.apply(call.tenantId(), call.seat(), a -> a.answered(call.callId(), now));
			journal.call(call.tenantId(), call.callId(), "ANSWERED", call.seat(), null, now);
		}
		else {
			// an outbound call transferred to this seat was offered to it (RINGING); one dialled by the agent was not
			desk.apply(call.tenantId(), call.seat(),
					a -> a.state() == AgentState.RINGING ? a.answered(call.callId(), now) : a.onOwnCall(call.callId(), now));
		}
		if (INTERNAL.equals(call.direction())) {
			desk.apply(call.tenantId(), call.customerNumber(), a -> a.answered(call.callId(), now));
		}
	}

	/** A colleague's seat claimed for a seat's internal call, as atomically as an offer. */
	@Override
	public boolean claimColleague(CallSnapshot call, String seat) {
		return claimNamed(call, seat, "call from " + call.seat());
	}

	@Override
	public boolean claimForTransfer(CallSnapshot call, String seat) {
		return claimNamed(call, seat, "transfer from " + call.seat());
	}

	/** Claims a seat named by the caller (not chosen by the strategy), journaled as an offer with why. */
	private boolean claimNamed(CallSnapshot call, String seat, String why) {
		Instant now = clock.instant();
		boolean claimed = desk.apply(call.tenantId(), seat, a -> a.offered(call.callId(), now)).isPresent();
		if (claimed) {
			journal.call(call.tenantId(), call.callId(), "OFFERED", seat, why, now);
		}
		return claimed;
	}

	/** Rang with others and another answered first, or the caller left: back to waiting, not a no-answer; journaled WITHDRAWN. */
	private void released(CallSnapshot call, String seat) {
		Instant now = clock.instant();
		desk.apply(call.tenantId(), seat, a -> a.callEnded(call.callId(), Duration.ZERO, now));
		journal.call(call.tenantId(), call.callId(), "WITHDRAWN", seat, call.endedAt() != null ? "caller left" : "answered elsewhere", now);
	}

	/** Answered a consultation that ended without taking the call: free again at once, no wrap-up. */
	private void consultEnded(CallSnapshot call, String seat) {
		Instant now = clock.instant();
		desk.apply(call.tenantId(), seat, a -> a.callEnded(call.callId(), Duration.ZERO, now));
		journal.call(call.tenantId(), call.callId(), "CONSULTED", seat, null, now);
	}

	private void transferredAway(CallSnapshot call, String seat) {
		Instant now = clock.instant();
		Duration wrapUp = journal.settings(call.tenantId()).wrapUp();
		desk.apply(call.tenantId(), seat, a -> a.callEnded(call.callId(), wrapUp, now));
		journal.call(call.tenantId(), call.callId(), "TRANSFERRED", seat, null, now);
	}

	private void ended(CallSnapshot call) {
		Instant now = clock.instant();
		Waiting left = leave(call.callId());
		if (left != null && call.answeredAt() == null) {
			journal.call(call.tenantId(), call.callId(), call.endReason() != null && call.endReason().startsWith("customer") ? "ABANDONED"
					: "OVERFLOWED", null, "waited " + Duration.between(left.since(), now).toSeconds() + " s: " + call.endReason(), now);
		}
		// a call between colleagues leaves nothing to wrap up
		boolean internal = INTERNAL.equals(call.direction());
		if (call.seat() != null) {
			Duration wrapUp = internal ? Duration.ZERO : journal.settings(call.tenantId()).wrapUp();
			desk.apply(call.tenantId(), call.seat(), a -> a.callEnded(call.callId(), wrapUp, now));
		}
		if (internal) {
			desk.apply(call.tenantId(), call.customerNumber(), a -> a.callEnded(call.callId(), Duration.ZERO, now));
		}
	}

	/** Offers the head of the tenant's queue to free agents, and overflows callers past the max wait. Dispatcher thread only. */
	void dispatch(long tenantId) {
		QueuedCalls b2bua = calls;
		ConcurrentSkipListSet<Waiting> queue = queue(tenantId);
		if (b2bua == null || queue.isEmpty()) {
			return;
		}
		AcdSettings settings = journal.settings(tenantId);
		Instant now = clock.instant();
		for (Waiting head : queue) {
			if (!now.isBefore(head.since().plus(settings.maxWait()))) {
				b2bua.overflow(head.callId(), overflow(head.call(), OverflowPlan.Situation.MAX_WAIT, "max-wait", now));
				continue;
			}
			Optional<String> seat = claim(head.call(), settings, Set.of(), a -> !locations.of(a).isEmpty(), now);
			if (seat.isEmpty()) {
				return;
			}
			queue.remove(head);
			if (!b2bua.offer(head.callId(), seat.get())) {
				// the caller hung up while the agent was being claimed (their leaving is on its way): the agent is
				// free again and the offer is journalled as withdrawn, so it counts against nobody's answer rate
				desk.apply(tenantId, seat.get(), a -> a.callEnded(head.callId(), Duration.ZERO, now));
				journal.call(tenantId, head.callId(), "WITHDRAWN", seat.get(), "caller left", now);
			}
		}
	}

	private void tick() {
		try {
			applyUnapplied();
			desk.sweep();
			for (Long tenantId : queues.keySet()) {
				dispatch(tenantId);
			}
		}
		catch (RuntimeException ex) {
			log.warn("ACD dispatch failed", ex);
		}
	}

	private Waiting leave(String callId) {
		Waiting entry = waiting.remove(callId);
		if (entry != null) {
			queue(entry.tenantId()).remove(entry);
		}
		return entry;
	}

	private ConcurrentSkipListSet<Waiting> queue(long tenantId) {
		return queues.computeIfAbsent(tenantId, t -> new ConcurrentSkipListSet<>());
	}

	/** Calls waiting now, longest first (for the monitor wall and the supervisor). */
	public List<Waiting> waitingOf(long tenantId) {
		return List.copyOf(queue(tenantId));
	}

	@Override
	public void destroy() {
		dispatcher.shutdownNow();
	}

	/** A call in the queue since it first entered it (a failed offer puts it back in its place). */
	public record Waiting(long tenantId, String callId, CallSnapshot call, Instant since) implements Comparable<Waiting> {

		@Override
		public int compareTo(Waiting other) {
			int bySince = since.compareTo(other.since);
			return bySince != 0 ? bySince : callId.compareTo(other.callId);
		}
	}
}
