package com.calldesk.telephony;

import java.util.Optional;

import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallView;

/**
 * The calls in progress as their latest event showed them, cluster-wide: which node carries a call (so a
 * command reaches it) and what a desktop that (re)connects must show. Written by the node that carries
 * the call; an entry for an ended call stays a while as a tombstone, so a late command is told "ended".
 */
public interface LiveCalls {

	/** The call as {@code event} shows it, unless a newer event of it was kept already. */
	void put(CallEvent event);

	void ended(long tenantId, String callId);

	/** Empty when the tenant has no such call live or recently ended (another tenant's call is as unknown as none). */
	Optional<LiveCall> find(long tenantId, String callId);

	/** A live call's latest view and the seq of the event that showed it; {@code ended} for a tombstone (then {@code call} is null). */
	record LiveCall(CallView call, long seq, boolean ended) {
	}
}
