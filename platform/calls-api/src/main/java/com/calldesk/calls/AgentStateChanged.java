package com.calldesk.calls;

import java.time.Instant;

/**
 * A seat's agent moved (status chosen, phone registered or gone, a call offered, answered, ended, wrap-up
 * over). {@code seq} is the change's time in microseconds: changes of one seat are serialised by the agent
 * board, so it orders them across nodes; a consumer drops only an event older than the last it applied.
 */
public record AgentStateChanged(long seq, Instant at, AgentView agent) implements CtiEvent {

	@Override
	public long tenantId() {
		return agent.tenantId();
	}
}
