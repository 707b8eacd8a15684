package com.calldesk.sip.calls;

/** Which side of a call: the customer (trunk) or the agent (seat's phone). */
public enum Leg {
	CUSTOMER, AGENT;

	Leg other() {
		return this == CUSTOMER ? AGENT : CUSTOMER;
	}
}
