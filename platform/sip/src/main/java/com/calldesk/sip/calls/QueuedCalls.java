package com.calldesk.sip.calls;

/** The B2BUA's side of the queue: what the ACD asks of a waiting call on the node that carries it. */
public interface QueuedCalls {

	/** Rings {@code seat} (already claimed for it) for a waiting call; false when the call is gone or no longer waiting. */
	boolean offer(String callId, String seat);

	/** A waiting call overflows: the message and the end, voicemail or a forward, as {@code overflow} says. */
	boolean overflow(String callId, CallDistribution.Overflow overflow);
}
