package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import com.calldesk.calls.AgentStatus;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Every {@link AcdTest} again on the production board (Redis, where longest idle reads the board's
 * index instead of the whole tenant), so both boards decide alike; and two ACD nodes on one Redis
 * routing calls at once.
 */
class AcdOnRedisBoardIT extends AcdTest {

	static RedissonClient redisson;

	/**
	 * Each test on a board of its own (AcdTest's tenant id is the same in every test); set by the first
	 * {@link #board} call, which AcdTest makes while constructing, before any initializer of this class
	 * would run: hence no initializer.
	 */
	String prefix;

	@BeforeAll
	static void connect() {
		redisson = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		LocalRedis.close(redisson, "calldeskit-acd:");
	}

	@Override
	AgentBoard board(Clock clock) {
		if (prefix == null) {
			prefix = "calldeskit-acd:" + System.nanoTime() + ":";
		}
		return new RedisAgentBoard(redisson, prefix, clock);
	}

	@Test
	void twoNodesRoutingAtOnceNeverRingOneAgentTwice() throws Exception {
		SeatAllocation allocation = mock(SeatAllocation.class);
		when(allocation.of(anyLong())).thenReturn(seats.stream().map(name -> {
			Seat seat = new Seat();
			seat.setSipUsername(name);
			return seat;
		}).toList());
		Locations locations = mock(Locations.class);
		when(locations.of(anyString())).thenReturn(List.of(mock(Binding.class)));
		Acd nodeB = new Acd(new AgentDesk(board(clock), store, clock, allocation), store, locations, clock,
				Executors.newSingleThreadScheduledExecutor());
		for (String seat : seats) {
			desk.choose(TENANT, seat, AgentStatus.IDLE);
		}
		List<String> rung = AtOnce.run(32, i -> ringing((i % 2 == 0 ? acd : nodeB).route(call("c" + i, null), Set.of(), seat -> true)));
		nodeB.destroy();
		assertThat(rung).containsExactlyInAnyOrderElementsOf(seats);
	}
}
