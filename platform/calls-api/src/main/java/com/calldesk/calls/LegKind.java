package com.calldesk.calls;

/** A leg on the agent's side: a seat's phone, or a number reached through the gateway (billed). */
public enum LegKind {
	AGENT, FORWARD
}
