package com.calldesk.calls;

/** What the system is doing with the agent (mod_callcenter's state): only WAITING is offered calls. */
public enum AgentState {
	WAITING, RINGING, TALKING,
	/** After a call (话后): time to finish notes before the next call. */
	WRAP_UP
}
