package com.calldesk.sip.calls;

/** The B2BUA's side of the queue: what the ACD asks of a waiting call on the node that carries it. */
public interface QueuedCalls {

	/** Rings {@code seat} (already claimed for it) for a waiting call; false when the call is gone or no longer waiting. */
	boolean offer(String callId, String seat);

	/** Ends a waiting call: the customer hears {@code prompt} (none: at once), then the call ends with {@code reason}. */
	boolean overflow(String callId, String reason, String prompt);
}
