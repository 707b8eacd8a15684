package com.calldesk.acd;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.calldesk.calls.AgentStatus;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.sip.calls.CallDistribution;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallState;
import com.calldesk.sip.calls.CallStep;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * The ACD decision benchmark (bench/acd.sh; not a test): how long {@code Acd.route} takes to choose and
 * claim an agent among N idle seats, on the in-process board and on the Redis board. Each round routes
 * one call (longest idle: from the free agents kept in a sorted set on Redis, a scan of the tenant in
 * process) and frees the claimed agent again, so every decision sees N idle agents. The sticky-agent
 * lookup (one indexed query of the call records) and the phones' presence (one Redis read per seat
 * tried, in production) are stubbed and not measured.
 *
 * <p>Arguments: seats, rounds, board (memory|redis).
 */
public final class AcdDecisionBench {

	private AcdDecisionBench() {
	}

	public static void main(String[] args) {
		int seats = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		String kind = args.length > 2 ? args[2] : "memory";
		Clock clock = Clock.systemUTC();
		RedissonClient redisson = null;
		AgentBoard board;
		if ("redis".equals(kind)) {
			Config config = new Config();
			config.useSingleServer().setAddress("redis://127.0.0.1:6379");
			redisson = Redisson.create(config);
			redisson.getKeys().deleteByPattern("calldeskbench:*");
			board = new RedisAgentBoard(redisson, "calldeskbench:", clock);
		}
		else {
			board = new InMemoryAgentBoard(clock);
		}
		List<String> names = IntStream.rangeClosed(1, seats).mapToObj(i -> "ss2001000ss%04d".formatted(i)).toList();
		SeatAllocation allocation = mock(SeatAllocation.class);
		when(allocation.of(anyLong())).thenReturn(names.stream().map(AcdDecisionBench::seat).toList());
		Locations locations = mock(Locations.class);
		when(locations.of(anyString())).thenReturn(List.of(mock(Binding.class)));
		AcdJournal journal = new AcdJournal(null, null, null) {
			@Override
			AcdSettings settings(long tenantId) {
				return AcdSettings.DEFAULTS;
			}

			@Override
			void agent(SeatAgent agent) {
			}

			@Override
			void call(long tenantId, String callId, String kind, String seat, String detail, Instant at) {
			}

			@Override
			String lastSeatOf(long tenantId, String customerNumber) {
				return null;
			}
		};
		AgentDesk desk = new AgentDesk(board, journal, clock, allocation);
		Acd acd = new Acd(desk, journal, locations, clock, new ScheduledThreadPoolExecutor(1) {
			@Override
			public void execute(Runnable command) {
			}

			@Override
			public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
				return null;
			}
		});
		names.forEach(name -> desk.choose(1, name, AgentStatus.IDLE));

		long[] nanos = new long[rounds];
		int warmup = Math.min(rounds, 5_000);
		for (int i = -warmup; i < rounds; i++) {
			CallSnapshot call = call("call-" + i);
			long start = System.nanoTime();
			CallDistribution.Decision decision = acd.route(call, Set.of(), seat -> true);
			long took = System.nanoTime() - start;
			if (!(decision instanceof CallDistribution.Ring ring)) {
				throw new IllegalStateException("round " + i + ": " + decision);
			}
			acd.on(new CallStep.Ended(new CallSnapshot(call.callId(), 1, "2001000", "INBOUND", call.customerNumber(), null, null, null, null,
					ring.seat(), CallState.ENDED, call.offeredAt(), null, null, Instant.now(), "CUSTOMER", "customer-hangup", 0, null, "bench", null,
					null)));
			if (i >= 0) {
				nanos[i] = took;
			}
		}
		acd.destroy();
		if (redisson != null) {
			redisson.getKeys().deleteByPattern("calldeskbench:*");
			redisson.shutdown();
		}
		Arrays.sort(nanos);
		System.out.printf("board=%s seats=%d rounds=%d  route(): p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n", kind,
				seats, rounds, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999), nanos[rounds - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
	}

	private static CallSnapshot call(String id) {
		return new CallSnapshot(id, 1, "2001000", "INBOUND", "+8613900001111", "4008001234", 1L, "+861062345678", null, null,
				CallState.OFFERED, Instant.now(), null, null, null, null, null, 0, null, "bench", null, null);
	}

	private static Seat seat(String username) {
		Seat seat = new Seat();
		seat.setSipUsername(username);
		return seat;
	}
}
