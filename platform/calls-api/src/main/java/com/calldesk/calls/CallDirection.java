package com.calldesk.calls;

/** Who started the call: a customer calling in, an agent calling out (click-to-call too), or two colleagues. */
public enum CallDirection {
	INBOUND, OUTBOUND, INTERNAL
}
