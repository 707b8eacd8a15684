package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.calldesk.calls.AgentStatus;

/** The longest-idle line read page by page: the same order as one sorted read, skips kept, nothing handed out twice. */
class IdleLineTest {

	final AcdTest.MutableClock clock = new AcdTest.MutableClock(Instant.parse("2026-11-25T02:00:00Z"));

	final InMemoryAgentBoard board = new InMemoryAgentBoard(clock);

	@Test
	void pagesFollowOneAnotherInLongestIdleOrder() {
		for (int i = 10; i >= 1; i--) {
			String seat = "s" + i;
			board.change(1, seat, a -> a.withStatus(AgentStatus.IDLE, clock.instant()));
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(new IdleLine(board, 1, Set.of("s5"), clock.instant()).stream().map(SeatAgent::seat))
			.containsExactly("s10", "s9", "s8", "s7", "s6", "s4", "s3", "s2", "s1");
	}

	@Test
	void anAgentFreedWhileTheLineIsReadIsStillSeenAndNoneTwice() {
		for (int i = 1; i <= IdleLine.PAGE; i++) {
			String seat = "s" + i;
			board.change(1, seat, a -> a.withStatus(AgentStatus.IDLE, clock.instant()));
		}
		IdleLine line = new IdleLine(board, 1, Set.of(), clock.instant().plusSeconds(1));
		List<String> seen = new ArrayList<>();
		seen.add(line.next().seat());
		board.change(1, "s0", a -> a.withStatus(AgentStatus.IDLE, clock.instant().minusSeconds(1)));
		line.forEachRemaining(agent -> seen.add(agent.seat()));
		assertThat(seen).containsExactly("s1", "s2", "s3", "s4", "s0");
	}
}
