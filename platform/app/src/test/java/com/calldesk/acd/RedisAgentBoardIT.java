package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The production board on the real Redis: agents survive a round trip whole, and two "nodes" (two
 * boards on one Redis) claiming agents from many threads at once never claim one agent twice.
 */
class RedisAgentBoardIT {

	static final long TENANT = System.nanoTime();

	static RedissonClient redisson;

	final Clock clock = Clock.systemUTC();

	@BeforeAll
	static void connect() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://127.0.0.1:6379");
		redisson = Redisson.create(config);
	}

	@AfterAll
	static void disconnect() {
		redisson.getKeys().deleteByPattern("calldeskit-board:*");
		redisson.shutdown();
	}

	@Test
	void anAgentComesBackFromRedisExactlyAsItWent() {
		RedisAgentBoard board = new RedisAgentBoard(redisson, "calldeskit-board:", clock);
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
		RedisAgentBoard nodeA = new RedisAgentBoard(redisson, "calldeskit-board:", clock);
		RedisAgentBoard nodeB = new RedisAgentBoard(redisson, "calldeskit-board:", clock);
		List<String> seats = List.of("s1", "s2", "s3");
		for (String seat : seats) {
			nodeA.change(tenant, seat, a -> a.withStatus(AgentStatus.IDLE, clock.instant()));
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> claims = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			RedisAgentBoard node = i % 2 == 0 ? nodeA : nodeB;
			String call = "call-" + i;
			claims.add(threads.submit(() -> {
				start.await();
				for (String seat : seats) {
					if (node.change(tenant, seat, a -> a.offered(call, clock.instant())).isPresent()) {
						return seat;
					}
				}
				return null;
			}));
		}
		start.countDown();
		List<String> claimed = new ArrayList<>();
		for (Future<String> claim : claims) {
			String seat = claim.get(20, TimeUnit.SECONDS);
			if (seat != null) {
				claimed.add(seat);
			}
		}
		threads.shutdown();
		assertThat(claimed).containsExactlyInAnyOrderElementsOf(seats);
		assertThat(nodeB.of(tenant)).allSatisfy(a -> assertThat(a.state()).isEqualTo(AgentState.RINGING));
	}
}
