package com.calldesk.calls;

/** Who ended a call: the customer's side, the agent's side, or CallDesk itself (timeouts, refusals, commands). */
public enum Party {
	CUSTOMER, AGENT, SYSTEM
}
