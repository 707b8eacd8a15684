package com.calldesk.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.calldesk.acd.AgentDesk;
import com.calldesk.acd.SeatAgent;
import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.seats.SeatSettings;

/**
 * The other seats of the agent's own tenant with their agents as the ACD board has them, for the
 * transfer and consult picker (F20): who is free now (available and waiting) and who is not.
 */
@Service
class Colleagues {

	private final SeatSettings seats;

	private final AgentDesk agents;

	private final Today today;

	Colleagues(SeatSettings seats, AgentDesk agents, Today today) {
		this.seats = seats;
		this.agents = agents;
		this.today = today;
	}

	/** Every seat of the tenant but {@code mySeat} (null: the user has none, so every seat). */
	List<Colleague> of(long tenantId, String mySeat) {
		Map<String, SeatAgent> board = agents.agents(tenantId).stream().collect(Collectors.toMap(SeatAgent::seat, Function.identity()));
		Instant now = today.now();
		return seats.list().stream().filter(row -> !row.sipUsername().equals(mySeat)).map(row -> {
			// a seat allocated in the last seconds is not on the board's cached seat list yet: offline
			SeatAgent agent = board.getOrDefault(row.sipUsername(), SeatAgent.offline(tenantId, row.sipUsername(), now));
			return new Colleague(row.sipUsername(), row.seatLabel(), row.user() == null ? null : row.user().getDisplayName(), agent.status(),
					agent.state(), agent.status() == AgentStatus.IDLE && agent.state() == AgentState.WAITING);
		}).toList();
	}

	/** A colleague's seat (SIP account and number) and agent; {@code name} null when no user is bound. */
	record Colleague(String seat, String seatNumber, String name, AgentStatus status, AgentState state, boolean free) {
	}
}
