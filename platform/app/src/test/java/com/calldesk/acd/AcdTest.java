package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.sip.calls.CallDistribution;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallStep;
import com.calldesk.sip.calls.CallState;
import com.calldesk.sip.calls.QueueStanding;
import com.calldesk.sip.calls.QueuedCalls;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * The ACD's decisions with a hand-moved clock, an in-memory board and no database: strategies, sticky
 * agent, overflow reasons, the queue's order and max wait, and one agent never claimed twice.
 */
class AcdTest {

	static final long TENANT = 7;

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

	final BoardThatCanGoAway board = new BoardThatCanGoAway(board(clock));

	final Map<String, String> lastSeatOfCustomer = new ConcurrentHashMap<>();

	final List<String> journal = new CopyOnWriteArrayList<>();

	volatile AcdSettings settings = AcdSettings.DEFAULTS;

	final List<String> seats = List.of("ss2001000ss0001", "ss2001000ss0002", "ss2001000ss0003");

	final AcdJournal store = new AcdJournal(null, null, null) {
		@Override
		AcdSettings settings(long tenantId) {
			return settings;
		}

		@Override
		void agent(SeatAgent agent) {
		}

		@Override
		void call(long tenantId, String callId, String kind, String seat, String detail, Instant at) {
			journal.add(kind + ":" + seat + (detail == null ? "" : ":" + detail));
		}

		@Override
		String lastSeatOf(long tenantId, String customerNumber) {
			return lastSeatOfCustomer.get(customerNumber);
		}
	};

	AgentDesk desk;

	Acd acd;

	final List<String> offers = new CopyOnWriteArrayList<>();

	/** Calls the B2BUA has already let go of: an offer of one fails, as the real one's does. */
	final java.util.Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();

	final List<String> overflows = new CopyOnWriteArrayList<>();

	final List<CallDistribution.Overflow> overflowed = new CopyOnWriteArrayList<>();

	AcdTest() {
		SeatAllocation allocation = mock(SeatAllocation.class);
		when(allocation.of(anyLong())).thenReturn(seats.stream().map(AcdTest::seat).toList());
		Locations locations = mock(Locations.class);
		when(locations.of(anyString())).thenReturn(List.of(mock(Binding.class)));
		desk = new AgentDesk(board, store, clock, allocation);
		// a dispatcher that runs nothing by itself: the test calls dispatch in step
		acd = new Acd(desk, store, locations, clock, new ScheduledThreadPoolExecutor(1) {
			@Override
			public void execute(Runnable command) {
			}

			@Override
			public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
					TimeUnit unit) {
				return null;
			}
		});
		acd.serve(new QueuedCalls() {
			@Override
			public boolean offer(String callId, String seat) {
				if (gone.contains(callId)) {
					return false;
				}
				offers.add(callId + "->" + seat);
				return true;
			}

			@Override
			public boolean overflow(String callId, CallDistribution.Overflow overflow) {
				overflows.add(callId + ":" + overflow.reason());
				overflowed.add(overflow);
				return true;
			}
		});
	}

	/** The board the ACD decides on: in process here, Redis in {@link AcdOnRedisBoardIT}, which runs every test again. */
	AgentBoard board(Clock clock) {
		return new InMemoryAgentBoard(clock);
	}

	/** The board, which refuses every change while {@link #away} (as Redis does when it is down). */
	static final class BoardThatCanGoAway implements AgentBoard {

		private final AgentBoard board;

		volatile boolean away;

		BoardThatCanGoAway(AgentBoard board) {
			this.board = board;
		}

		@Override
		public SeatAgent get(long tenantId, String seat) {
			return board.get(tenantId, seat);
		}

		@Override
		public List<SeatAgent> of(long tenantId) {
			return board.of(tenantId);
		}

		@Override
		public List<SeatAgent> longestIdle(long tenantId, Instant now, Set<String> skip, int limit) {
			return board.longestIdle(tenantId, now, skip, limit);
		}

		@Override
		public Optional<Change> change(long tenantId, String seat, java.util.function.UnaryOperator<SeatAgent> transition) {
			if (away) {
				throw new IllegalStateException("the board is away");
			}
			return board.change(tenantId, seat, transition);
		}

		@Override
		public Optional<Change> change(long tenantId, SeatAgent seen, java.util.function.UnaryOperator<SeatAgent> transition) {
			if (away) {
				throw new IllegalStateException("the board is away");
			}
			return board.change(tenantId, seen, transition);
		}

		@Override
		public void retain(long tenantId, java.util.Collection<String> seats) {
			board.retain(tenantId, seats);
		}
	}

	@AfterEach
	void stop() {
		acd.destroy();
	}

	@Test
	void longestIdleOffersTheAgentFreeTheLongest() {
		available(2, 0, 1);
		assertThat(route("c1")).isEqualTo(ring(seats.get(2)));
		assertThat(route("c2")).isEqualTo(ring(seats.get(0)));
		assertThat(route("c3")).isEqualTo(ring(seats.get(1)));
	}

	@Test
	void fewestCallsOffersTheAgentWithTheFewestAnsweredToday() {
		settings = with(Strategy.FEWEST_CALLS, false);
		available(0, 1, 2);
		answerAndFinish("a", seats.get(0));
		answerAndFinish("b", seats.get(0));
		answerAndFinish("c", seats.get(1));
		assertThat(route("c1")).isEqualTo(ring(seats.get(2)));
	}

	@Test
	void roundRobinGoesOnFromSeatToSeat() {
		settings = with(Strategy.ROUND_ROBIN, false);
		available(0, 1, 2);
		List<String> rung = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			CallDistribution.Ring ring = (CallDistribution.Ring) route("c" + i);
			rung.add(ring.seat());
			acd.on(new CallStep.Ended(call("c" + i, ring.seat())));
		}
		assertThat(rung).containsExactlyInAnyOrderElementsOf(seats);
	}

	@Test
	void aReturningCallerGoesFirstToTheirLastAgentWhenFree() {
		settings = with(Strategy.LONGEST_IDLE, true);
		available(0, 1, 2);
		lastSeatOfCustomer.put("+8613900001111", seats.get(2));
		assertThat(route("c1")).isEqualTo(ring(seats.get(2)));
		assertThat(journal).contains("OFFERED:" + seats.get(2) + ":sticky");
		assertThat(route("c2")).as("their agent is busy now: the strategy decides").isEqualTo(ring(seats.get(0)));
	}

	@Test
	void outsideBusinessHoursEveryCallHearsTheClosedPromptWhoeverIsFree() {
		available(0, 1, 2);
		acd.rules(tenantId -> new PhoneRules(true, Set.of(java.time.DayOfWeek.SATURDAY), java.time.LocalTime.of(9, 0),
				java.time.LocalTime.of(18, 0), Set.of(), Set.of()));
		assertThat(route("c1")).as("Wednesday").isEqualTo(new CallDistribution.Overflow("closed", "closed"));
		acd.rules(tenantId -> PhoneRules.ALWAYS_OPEN);
		assertThat(route("c2")).isInstanceOf(CallDistribution.Ring.class);
	}

	@Test
	void anAgentWhoDidNotAnswerSitsOutTheDelayThenKeepsItsPlaceInLine() {
		available(0, 1);
		assertThat(route("c1")).isEqualTo(ring(seats.get(0)));
		acd.on(new CallStep.SeatNotAnswered(call("c1", seats.get(0)), seats.get(0), "no-answer"));
		assertThat(route("c2")).as("held back for 5 s").isEqualTo(ring(seats.get(1)));
		acd.on(new CallStep.Ended(call("c2", seats.get(1))));
		clock.advance(Duration.ofMillis(4_999));
		assertThat(route("c3")).isEqualTo(ring(seats.get(1)));
		acd.on(new CallStep.Ended(call("c3", seats.get(1))));
		clock.advance(Duration.ofMillis(1));
		assertThat(route("c4")).as("free the longest again").isEqualTo(ring(seats.get(0)));
	}

	@Test
	void anAgentWhoseCallEndedWhileTheBoardWasAwayIsFreedOnceItIsBack() {
		available(0);
		assertThat(route("c1")).isEqualTo(ring(seats.get(0)));
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		board.away = true;
		acd.on(new CallStep.Ended(call("c1", seats.get(0))));
		acd.applyUnapplied();
		board.away = false;
		assertThat(board.get(TENANT, seats.get(0)).state()).as("the end the board did not hear").isEqualTo(AgentState.TALKING);

		acd.applyUnapplied();

		assertThat(board.get(TENANT, seats.get(0)).state()).as("the end applied once the board is back").isEqualTo(AgentState.WRAP_UP);
		acd.applyUnapplied();
		assertThat(board.get(TENANT, seats.get(0)).state()).as("applied once, not again").isEqualTo(AgentState.WRAP_UP);
	}

	@Test
	void seatsAlreadyTriedOrWithoutAPhoneArePassedOver() {
		available(0, 1, 2);
		assertThat(acd.route(call("c1", null), Set.of(seats.get(0)), seat -> !seat.equals(seats.get(1)))).isEqualTo(ring(seats.get(2)));
		assertThat(acd.route(call("c2", null), Set.of(seats.get(0)), seat -> !seat.equals(seats.get(1))))
			.as("the one not tried has no phone: the caller waits").isEqualTo(new CallDistribution.Wait());
	}

	@Test
	void anAgentLeftOnTheBoardButNoLongerProvisionedIsNotOffered() {
		board.change(TENANT, "ss2001000ss0099", a -> a.withStatus(AgentStatus.IDLE, clock.instant()));
		clock.advance(Duration.ofSeconds(1));
		available(1);
		assertThat(route("c1")).isEqualTo(ring(seats.get(1)));
	}

	@Test
	void nobodyOnlineAndEverybodyBusyOverflowWithTheirOwnReasons() {
		assertThat(route("c1")).isEqualTo(new CallDistribution.Overflow("no-agent", "no-agent"));
		available(0);
		desk.choose(TENANT, seats.get(0), AgentStatus.REST);
		assertThat(route("c2")).isEqualTo(new CallDistribution.Overflow("all-busy", "all-busy"));
	}

	@Test
	void aCallerWhoHungUpAsTheAgentFreedIsNotOfferedAndTheAgentTakesTheNext() {
		settings = new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 5, 60, 50);
		available(0);
		assertThat(route("c1")).isEqualTo(ring(seats.get(0)));
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		assertThat(route("c2")).isEqualTo(new CallDistribution.Wait());
		acd.on(new CallStep.Queued(call("c2", null), false));
		clock.advance(Duration.ofSeconds(1));
		acd.on(new CallStep.Queued(call("c3", null), false));
		// c2 hangs up: the B2BUA lets go of it before the ACD hears that it left the queue
		gone.add("c2");
		acd.on(new CallStep.Ended(call("c1", seats.get(0))));
		acd.dispatch(TENANT);
		assertThat(journal).contains("WITHDRAWN:" + seats.get(0) + ":caller left");
		assertThat(offers).as("the agent freed again takes the next caller").containsExactly("c3->" + seats.get(0));
		assertThat(desk.agent(TENANT, seats.get(0)).orElseThrow().callId()).isEqualTo("c3");
		assertThat(acd.waitingOf(TENANT)).isEmpty();
	}

	@Test
	void whileAgentsTalkCallersWaitAndAreOfferedInArrivalOrderAsAgentsFree() {
		settings = new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 5, 60, 50);
		available(0);
		assertThat(route("c1")).isEqualTo(ring(seats.get(0)));
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		clock.advance(Duration.ofSeconds(1));
		assertThat(route("c2")).isEqualTo(new CallDistribution.Wait());
		acd.on(new CallStep.Queued(call("c2", null), false));
		clock.advance(Duration.ofSeconds(1));
		acd.on(new CallStep.Queued(call("c3", null), false));
		assertThat(route("c4")).as("no queue jumping").isEqualTo(new CallDistribution.Wait());

		acd.on(new CallStep.Ended(call("c1", seats.get(0))));
		acd.dispatch(TENANT);
		assertThat(offers).containsExactly("c2->" + seats.get(0));
		assertThat(acd.waitingOf(TENANT)).extracting(w -> w.callId()).containsExactly("c3");
	}

	@Test
	void aWaitingCallerStandsBehindThoseBeforeThemAndExpectsTheirTurnsTimesHandleTimeOverAgentsWorking() {
		settings = new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 5, 60, 50);
		acd.handleTimes(tenantId -> java.util.Optional.of(Duration.ofMinutes(3)));
		available(0, 1, 2);
		for (int i = 0; i < 3; i++) {
			assertThat(route("talking" + i)).isEqualTo(ring(seats.get(i)));
			acd.on(new CallStep.Answered(call("talking" + i, seats.get(i))));
		}
		for (String waiting : List.of("w1", "w2", "w3")) {
			assertThat(route(waiting)).isEqualTo(new CallDistribution.Wait());
			acd.on(new CallStep.Queued(call(waiting, null), false));
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(journal).containsSubsequence("QUEUED:null:position 1", "QUEUED:null:position 2", "QUEUED:null:position 3");

		// (ahead + 1) × 180 s ÷ 3 agents working
		assertThat(acd.standing(call("w1", null))).contains(new QueueStanding(0, Duration.ofSeconds(60)));
		assertThat(acd.standing(call("w3", null))).contains(new QueueStanding(2, Duration.ofSeconds(180)));
		desk.choose(TENANT, seats.get(2), AgentStatus.BUSY);
		assertThat(acd.standing(call("w3", null))).as("a busy agent takes no queued call").contains(new QueueStanding(2, Duration.ofSeconds(270)));

		acd.on(new CallStep.Ended(call("talking0", seats.get(0))));
		acd.dispatch(TENANT);
		assertThat(offers).containsExactly("w1->" + seats.get(0));
		assertThat(acd.standing(call("w1", null))).as("its agent's phone rings").isEmpty();
		assertThat(acd.standing(call("w3", null))).map(QueueStanding::ahead).contains(1);
		assertThat(acd.standing(call("unknown", null))).isEmpty();

		acd.handleTimes(tenantId -> java.util.Optional.empty());
		assertThat(acd.standing(call("w3", null))).as("nothing answered yet: the position only").contains(new QueueStanding(1, null));
	}

	@Test
	void announcementsComeAtTheTenantsInterval() {
		assertThat(acd.announcementInterval(TENANT)).isEqualTo(Duration.ofSeconds(30));
		settings = new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 5, 60, 50, 0);
		assertThat(acd.announcementInterval(TENANT)).isZero();
	}

	@Test
	void theHandleTimeIsTheMeanTalkOfTheLatestAnsweredCalls() {
		Instant t = clock.instant();
		assertThat(HandleTimes.mean(List.of())).isEmpty();
		assertThat(HandleTimes.mean(List.of(new HandleTimes.Talk(t, t.plusSeconds(100)), new HandleTimes.Talk(t, t.plusSeconds(200)))))
			.contains(Duration.ofSeconds(150));
		assertThat(WaitEstimator.expectedWait(4, 0, Duration.ofMinutes(3))).as("nobody working").isNull();
	}

	@Test
	void aCallerWaitingPastTheMaxWaitOverflows() {
		available(0);
		route("c1");
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		assertThat(route("c2")).isEqualTo(new CallDistribution.Wait());
		acd.on(new CallStep.Queued(call("c2", null), false));
		clock.advance(Duration.ofSeconds(59));
		acd.dispatch(TENANT);
		assertThat(overflows).isEmpty();
		clock.advance(Duration.ofSeconds(1));
		acd.dispatch(TENANT);
		assertThat(overflows).containsExactly("c2:max-wait");
	}

	@Test
	void eachSituationOverflowsAsTheTenantsPlanSays() {
		acd.plans(tenantId -> new OverflowPlan(Map.of(OverflowPlan.Situation.CLOSED, new OverflowPlan.Rule(OverflowPlan.Action.VOICEMAIL, null),
				OverflowPlan.Situation.ALL_BUSY, new OverflowPlan.Rule(OverflowPlan.Action.FORWARD, "13800138000")), Duration.ofSeconds(90)));
		acd.rules(tenantId -> new PhoneRules(true, Set.of(java.time.DayOfWeek.SATURDAY), java.time.LocalTime.of(9, 0),
				java.time.LocalTime.of(18, 0), Set.of(), Set.of()));
		assertThat(route("c1")).isEqualTo(new CallDistribution.Overflow("closed", "closed",
				new CallDistribution.Voicemail("voicemail-greeting", Duration.ofSeconds(90))));
		assertThat(journal).contains("OVERFLOWED:null:closed → voicemail");

		acd.rules(tenantId -> PhoneRules.ALWAYS_OPEN);
		assertThat(route("c2")).as("nobody online keeps its message").isEqualTo(new CallDistribution.Overflow("no-agent", "no-agent"));
		available(0);
		desk.choose(TENANT, seats.get(0), AgentStatus.REST);
		assertThat(route("c3")).isEqualTo(new CallDistribution.Overflow("all-busy", "all-busy", new CallDistribution.Forward("13800138000")));
	}

	@Test
	void aCallerPastTheMaxWaitLeavesTheQueueOnceForTheMaxWaitAction() {
		acd.plans(tenantId -> new OverflowPlan(Map.of(OverflowPlan.Situation.MAX_WAIT, new OverflowPlan.Rule(OverflowPlan.Action.VOICEMAIL, null)),
				Duration.ofSeconds(60)));
		available(0);
		route("c1");
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		route("c2");
		acd.on(new CallStep.Queued(call("c2", null), false));
		clock.advance(Duration.ofSeconds(60));
		acd.dispatch(TENANT);
		acd.dispatch(TENANT);
		assertThat(overflows).containsExactly("c2:max-wait");
		assertThat(overflowed).singleElement().extracting(CallDistribution.Overflow::then)
			.isEqualTo(new CallDistribution.Voicemail("voicemail-greeting", Duration.ofSeconds(60)));
		assertThat(acd.waitingOf(TENANT)).isEmpty();
		acd.on(new CallStep.Ended(call("c2", null)));
		assertThat(journal.stream().filter(step -> step.startsWith("OVERFLOWED"))).as("journaled once, when it overflowed")
			.containsExactly("OVERFLOWED:null:waited 60 s: max-wait → voicemail");
	}

	@Test
	void ringAllClaimsEveryFreeAgentAndAnAgentReleasedIsFreeAgainWithoutANoAnswer() {
		settings = new AcdSettings(Strategy.RING_ALL, true, 20, 0, 1, 5, 60, 50);
		available(0, 1, 2);
		desk.choose(TENANT, seats.get(1), AgentStatus.REST);
		assertThat(route("c1")).isEqualTo(new CallDistribution.RingAll(List.of(seats.get(0), seats.get(2))));
		assertThat(journal).contains("OFFERED:" + seats.get(0) + ":ring-all", "OFFERED:" + seats.get(2) + ":ring-all");
		assertThat(route("c2")).as("everyone free is ringing for c1: wait").isEqualTo(new CallDistribution.Wait());

		acd.on(new CallStep.SeatReleased(call("c1", null), seats.get(0)));
		assertThat(desk.agents(TENANT).get(0).offerable(clock.instant())).as("no no-answer delay, no BUSY").isTrue();
		assertThat(desk.agents(TENANT).get(0).status()).isEqualTo(AgentStatus.IDLE);
		assertThat(journal).contains("WITHDRAWN:" + seats.get(0) + ":answered elsewhere");
	}

	@Test
	void ringAllRingsTheCallersLastAgentAloneWhenFree() {
		settings = new AcdSettings(Strategy.RING_ALL, true, 20, 0, 3, 5, 60, 50);
		available(0, 1, 2);
		lastSeatOfCustomer.put("+8613900001111", seats.get(1));
		assertThat(route("c1")).isEqualTo(ring(seats.get(1)));
	}

	@Test
	void aFullQueueOverflows() {
		settings = new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 5, 60, 1);
		available(0);
		route("c1");
		acd.on(new CallStep.Answered(call("c1", seats.get(0))));
		route("c2");
		acd.on(new CallStep.Queued(call("c2", null), false));
		assertThat(route("c3")).isEqualTo(new CallDistribution.Overflow("queue-full", "all-busy"));
	}

	@Test
	void manyCallsAtOnceNeverClaimTheSameAgentTwice() throws Exception {
		available(0, 1, 2);
		List<String> rung = AtOnce.run(24, i -> ringing(acd.route(call("c" + i, null), Set.of(), seat -> true)));
		assertThat(rung).containsExactlyInAnyOrderElementsOf(seats);
	}

	private CallDistribution.Decision route(String callId) {
		return acd.route(call(callId, null), Set.of(), seat -> true);
	}

	private void available(int... order) {
		for (int i : order) {
			desk.choose(TENANT, seats.get(i), AgentStatus.IDLE);
			clock.advance(Duration.ofSeconds(1));
		}
	}

	private void answerAndFinish(String callId, String seat) {
		board.change(TENANT, seat, a -> a.offered(callId, clock.instant()));
		acd.on(new CallStep.Answered(call(callId, seat)));
		acd.on(new CallStep.Ended(call(callId, seat)));
	}

	private static AcdSettings with(Strategy strategy, boolean sticky) {
		return new AcdSettings(strategy, sticky, 20, 0, 3, 5, 60, 50);
	}

	/** The seat a decision rings, or null. */
	static String ringing(CallDistribution.Decision decision) {
		return decision instanceof CallDistribution.Ring ring ? ring.seat() : null;
	}

	private static CallDistribution.Ring ring(String seat) {
		return new CallDistribution.Ring(seat);
	}

	CallSnapshot call(String callId, String seat) {
		return new CallSnapshot(callId, TENANT, "2001000", "INBOUND", "+8613900001111", "4008001234", 1L, "+861062345678", null, seat,
				CallState.OFFERED, clock.instant(), null, null, null, null, null, 0, null, "node-a", null, null);
	}

	private static Seat seat(String username) {
		Seat seat = new Seat();
		seat.setSipUsername(username);
		return seat;
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
