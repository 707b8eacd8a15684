package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;

/**
 * The production board on the real Redis: agents survive a round trip whole; two "nodes" (two boards
 * on one Redis) claiming agents from many threads at once, by seat or from the longest-idle index,
 * never claim one agent twice; and the index (free and held sorted sets) stays in step with the
 * agents through every change, answering as the in-process board does.
 */
class RedisAgentBoardIT {

	static final long TENANT = System.nanoTime();

	static final String PREFIX = "calldeskit-board:";

	static RedissonClient redisson;

	final Clock clock = Clock.systemUTC();

	@BeforeAll
	static void connect() {
		redisson = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		LocalRedis.close(redisson, PREFIX);
	}

	@Test
	void anAgentComesBackFromRedisExactlyAsItWent() {
		RedisAgentBoard board = new RedisAgentBoard(redisson, PREFIX, clock);
		Instant now = Instant.parse("2026-11-25T03:00:00.123Z");
		board.change(TENANT, "ss2001000ss0001", a -> a.withStatus(AgentStatus.IDLE, now));
		board.change(TENANT, "ss2001000ss0001", a -> a.offered("call-1", now.plusSeconds(1)));
		SeatAgent missed = board.change(TENANT, "ss2001000ss0001", a -> a.notAnswered("call-1", 1, Duration.ofSeconds(5), now.plusSeconds(21)))
			.orElseThrow().after();
		assertThat(board.get(TENANT, "ss2001000ss0001")).isEqualTo(missed);
		assertThat(missed.status()).isEqualTo(AgentStatus.BUSY);
		assertThat(missed.reason()).isEqualTo("no-answer");
		assertThat(board.change(TENANT, "ss2001000ss0001", a -> a.answered("call-1", now))).as("nothing to change").isEmpty();
		assertThat(board.get(TENANT, "nobody-yet").status()).isEqualTo(AgentStatus.OFFLINE);
	}

	@Test
	void twoNodesClaimingAtOnceNeverClaimOneAgentTwice() throws Exception {
		long tenant = TENANT + 1;
		RedisAgentBoard nodeA = new RedisAgentBoard(redisson, PREFIX, clock);
		RedisAgentBoard nodeB = new RedisAgentBoard(redisson, PREFIX, clock);
		List<String> seats = List.of("s1", "s2", "s3");
		for (String seat : seats) {
			nodeA.change(tenant, seat, a -> a.withStatus(AgentStatus.IDLE, clock.instant()));
		}
		List<String> claimed = AtOnce.run(32, i -> {
			RedisAgentBoard node = i % 2 == 0 ? nodeA : nodeB;
			for (String seat : seats) {
				if (node.change(tenant, seat, a -> a.offered("call-" + i, clock.instant())).isPresent()) {
					return seat;
				}
			}
			return null;
		});
		assertThat(claimed).containsExactlyInAnyOrderElementsOf(seats);
		assertThat(nodeB.of(tenant)).allSatisfy(a -> assertThat(a.state()).isEqualTo(AgentState.RINGING));
	}

	@Test
	void theIndexFollowsAnAgentThroughEveryChange() {
		long tenant = TENANT + 2;
		AcdTest.MutableClock at = new AcdTest.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
		RedisAgentBoard board = new RedisAgentBoard(redisson, PREFIX, at);
		String seat = "ss2001000ss0001";
		Instant idle = at.instant();
		step(board, tenant, seat, a -> a.withStatus(AgentStatus.IDLE, at.instant()));
		assertThat(board.index(tenant, false)).containsExactly(Map.entry(seat, (double) idle.toEpochMilli()));

		at.advance(Duration.ofSeconds(1));
		step(board, tenant, seat, a -> a.offered("call-1", at.instant()));
		assertThat(board.index(tenant, false)).as("ringing").isEmpty();
		at.advance(Duration.ofSeconds(20));
		step(board, tenant, seat, a -> a.notAnswered("call-1", 3, Duration.ofSeconds(5), at.instant()));
		Instant heldUntil = at.instant().plusSeconds(5);
		assertThat(board.index(tenant, true)).containsExactly(Map.entry(seat, (double) heldUntil.toEpochMilli()));
		assertThat(board.longestIdle(tenant, at.instant(), Set.of(), 10)).as("held back").isEmpty();
		at.advance(Duration.ofMillis(4_999));
		assertThat(board.longestIdle(tenant, at.instant(), Set.of(), 10)).isEmpty();
		at.advance(Duration.ofMillis(1));
		assertThat(board.longestIdle(tenant, at.instant(), Set.of(), 10)).extracting(SeatAgent::seat).containsExactly(seat);
		assertThat(board.index(tenant, false)).as("back in line at its old place").containsExactly(Map.entry(seat, (double) idle.toEpochMilli()));
		assertConsistent(board, tenant);

		step(board, tenant, seat, a -> a.offered("call-2", at.instant()));
		step(board, tenant, seat, a -> a.answered("call-2", at.instant()));
		at.advance(Duration.ofSeconds(30));
		step(board, tenant, seat, a -> a.callEnded("call-2", Duration.ofSeconds(15), at.instant()));
		assertThat(board.index(tenant, false)).as("wrap-up").isEmpty();
		at.advance(Duration.ofSeconds(15));
		step(board, tenant, seat, a -> a.wrapUpEnded(false, at.instant()));
		assertThat(board.index(tenant, false)).containsExactly(Map.entry(seat, (double) at.instant().toEpochMilli()));
		for (AgentStatus status : List.of(AgentStatus.BUSY, AgentStatus.IDLE, AgentStatus.REST, AgentStatus.IDLE)) {
			at.advance(Duration.ofSeconds(1));
			step(board, tenant, seat, a -> a.withStatus(status, at.instant()));
			assertThat(board.index(tenant, false)).hasSize(status == AgentStatus.IDLE ? 1 : 0);
		}
		step(board, tenant, seat, a -> a.withStatus(AgentStatus.OFFLINE, "phone-gone", at.instant()));
		assertThat(board.index(tenant, false)).isEmpty();
		board.change(tenant, "ss2001000ss0002", a -> a.withStatus(AgentStatus.IDLE, at.instant()));
		board.retain(tenant, List.of(seat));
		assertThat(board.index(tenant, false)).as("a seat no longer provisioned leaves the index").isEmpty();
	}

	@Test
	void longestIdleAnswersAsTheInProcessBoardDoes() {
		long tenant = TENANT + 3;
		AcdTest.MutableClock at = new AcdTest.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
		List<AgentBoard> boards = List.of(new RedisAgentBoard(redisson, PREFIX, at), new InMemoryAgentBoard(at));
		for (AgentBoard board : boards) {
			Instant t = at.instant();
			board.change(tenant, "s6", a -> a.withStatus(AgentStatus.IDLE, t.minusSeconds(10)));
			board.change(tenant, "s6", a -> a.offered("call-6", t));
			board.change(tenant, "s6", a -> a.notAnswered("call-6", 3, Duration.ofSeconds(10), t));
			board.change(tenant, "s3", a -> a.withStatus(AgentStatus.IDLE, t));
			board.change(tenant, "s5", a -> a.withStatus(AgentStatus.IDLE, t.plusSeconds(1)));
			board.change(tenant, "s1", a -> a.withStatus(AgentStatus.IDLE, t.plusSeconds(1)));
			board.change(tenant, "s2", a -> a.withStatus(AgentStatus.IDLE, t.minusSeconds(5)));
			board.change(tenant, "s2", a -> a.withStatus(AgentStatus.BUSY, t));
			board.change(tenant, "s4", a -> a.withStatus(AgentStatus.IDLE, t.minusSeconds(5)));
			board.change(tenant, "s4", a -> a.offered("call-4", t));
		}
		Instant now = at.instant().plusSeconds(2);
		for (AgentBoard board : boards) {
			assertThat(seats(board.longestIdle(tenant, now, Set.of(), 10))).as("s6 held, s2 busy, s4 ringing; s1 before s5 on a tie")
				.containsExactly("s3", "s1", "s5");
			assertThat(seats(board.longestIdle(tenant, now, Set.of("s3"), 1))).containsExactly("s1");
			assertThat(seats(board.longestIdle(tenant, now.plusSeconds(8), Set.of("s1"), 10))).containsExactly("s6", "s3", "s5");
		}
		assertConsistent((RedisAgentBoard) boards.get(0), tenant);
	}

	@Test
	void twoNodesClaimingFromTheIndexAtOnceClaimEachAgentOnce() throws Exception {
		long tenant = TENANT + 4;
		RedisAgentBoard nodeA = new RedisAgentBoard(redisson, PREFIX, clock);
		RedisAgentBoard nodeB = new RedisAgentBoard(redisson, PREFIX, clock);
		List<String> seats = IntStream.rangeClosed(1, 12).mapToObj(i -> "s" + i).toList();
		seats.forEach(seat -> nodeA.change(tenant, seat, a -> a.withStatus(AgentStatus.IDLE, clock.instant())));
		List<String> calls = AtOnce.run(40, i -> {
			RedisAgentBoard node = i % 2 == 0 ? nodeA : nodeB;
			for (IdleLine line = new IdleLine(node, tenant, Set.of(), clock.instant()); line.hasNext();) {
				if (node.change(tenant, line.next(), a -> a.offered("call-" + i, clock.instant())).isPresent()) {
					return "call-" + i;
				}
			}
			return null;
		});
		assertThat(calls).hasSize(seats.size());
		assertThat(nodeB.of(tenant)).extracting(SeatAgent::callId).doesNotHaveDuplicates().doesNotContainNull();
		assertThat(nodeA.index(tenant, false)).isEmpty();
		assertConsistent(nodeA, tenant);
	}

	@Test
	void theIndexStaysInStepWithTheAgentsUnderRandomChangesFromTwoNodes() throws Exception {
		long tenant = TENANT + 5;
		List<RedisAgentBoard> nodes = List.of(new RedisAgentBoard(redisson, PREFIX, clock), new RedisAgentBoard(redisson, PREFIX, clock));
		List<String> seats = IntStream.rangeClosed(1, 10).mapToObj(i -> "s" + i).toList();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			done.add(threads.submit(() -> {
				Random random = new Random(thread);
				RedisAgentBoard node = nodes.get(thread % 2);
				for (int i = 0; i < 250; i++) {
					String seat = seats.get(random.nextInt(seats.size()));
					String call = "call-" + thread + "-" + i;
					Duration wait = Duration.ofMillis(random.nextInt(3) * 10);
					switch (random.nextInt(7)) {
						case 0 -> node.change(tenant, seat, a -> a.withStatus(AgentStatus.values()[random.nextInt(4)], clock.instant()));
						case 1 -> node.longestIdle(tenant, clock.instant(), Set.of(), 2)
							.forEach(seen -> node.change(tenant, seen, a -> a.offered(call, clock.instant())));
						case 2 -> node.change(tenant, seat, a -> a.callId() == null ? a : a.notAnswered(a.callId(), 3, wait, clock.instant()));
						case 3 -> node.change(tenant, seat, a -> a.callId() == null ? a : a.answered(a.callId(), clock.instant()));
						case 4 -> node.change(tenant, seat, a -> a.callId() == null ? a : a.callEnded(a.callId(), wait, clock.instant()));
						case 5 -> node.change(tenant, seat, a -> a.wrapUpEnded(random.nextBoolean(), clock.instant()));
						default -> node.change(tenant, seat, a -> a.offered(call, clock.instant()));
					}
				}
				return null;
			}));
		}
		for (Future<?> thread : done) {
			thread.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertConsistent(nodes.get(0), tenant);
		Thread.sleep(30);
		Instant now = clock.instant();
		List<SeatAgent> free = nodes.get(1).longestIdle(tenant, now, Set.of(), 100);
		assertThat(free).isEqualTo(nodes.get(0).of(tenant).stream().filter(a -> a.offerable(now)).sorted(AgentBoard.LONGEST_IDLE).toList());
		assertThat(nodes.get(0).index(tenant, true).values()).allSatisfy(until -> assertThat(until).isGreaterThan(now.toEpochMilli()));
		assertConsistent(nodes.get(0), tenant);
	}

	@Test
	void agentsStoredBeforeTheIndexExistedAreFoundAtTheFirstLook() {
		long tenant = TENANT + 6;
		Instant now = clock.instant();
		redisson.<String, String>getMap(PREFIX + "agents:" + tenant, StringCodec.INSTANCE)
			.put("s1", RedisAgentBoard.encode(SeatAgent.offline(tenant, "s1", now).withStatus(AgentStatus.IDLE, now)));
		RedisAgentBoard board = new RedisAgentBoard(redisson, PREFIX, clock);
		assertThat(seats(board.longestIdle(tenant, now, Set.of(), 4))).containsExactly("s1");
	}

	/** Applies one transition that must change the agent, then checks the indexes against the hash. */
	private static void step(RedisAgentBoard board, long tenant, String seat, UnaryOperator<SeatAgent> transition) {
		assertThat(board.change(tenant, seat, transition)).isPresent();
		assertConsistent(board, tenant);
	}

	/**
	 * Every IDLE and WAITING agent is in exactly one index, free at its idle time or held until its
	 * not-before; nobody else is in either.
	 */
	private static void assertConsistent(RedisAgentBoard board, long tenant) {
		Map<String, Double> free = board.index(tenant, false);
		Map<String, Double> held = board.index(tenant, true);
		Map<String, Double> expectFree = new HashMap<>();
		Map<String, Double> expectHeld = new HashMap<>();
		board.of(tenant).stream().filter(a -> a.status() == AgentStatus.IDLE && a.state() == AgentState.WAITING).forEach(a -> {
			if (held.containsKey(a.seat()) && a.notBefore() != null) {
				expectHeld.put(a.seat(), (double) a.notBefore().toEpochMilli());
			}
			else {
				expectFree.put(a.seat(), (double) a.idleSince().toEpochMilli());
			}
		});
		assertThat(free).as("free index").isEqualTo(expectFree);
		assertThat(held).as("held index").isEqualTo(expectHeld);
	}

	private static List<String> seats(List<SeatAgent> agents) {
		return agents.stream().map(SeatAgent::seat).toList();
	}
}
