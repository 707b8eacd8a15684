package com.calldesk.acd;

import java.time.Instant;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.AgentView;

/**
 * A seat's agent as the agent's own desktop and status bar show it (F24): the board's view plus the
 * seat's number as people say it and whether a phone is registered for it now.
 */
public record DeskAgent(String seat, String seatNumber, AgentStatus status, AgentState state, Instant since, String callId, String reason,
		Instant wrapUpUntil, int missedInARow, int answeredToday, boolean phoneRegistered) {

	static DeskAgent of(AgentView agent, String seatNumber, boolean phoneRegistered) {
		return new DeskAgent(agent.seat(), seatNumber, agent.status(), agent.state(), agent.since(), agent.callId(), agent.reason(),
				agent.wrapUpUntil(), agent.missedInARow(), agent.answeredToday(), phoneRegistered);
	}
}
