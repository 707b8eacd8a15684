package com.calldesk.state;

/**
 * Concurrent calls per resource (a trunk number, a display number, a gateway), counted across nodes
 * (F12). A call takes a channel before its first leg goes out and gives it back on every end path; the
 * channel is a lease that its node renews while the call lasts, so the channels of a node that dies
 * mid-call come back by themselves when their leases lapse.
 */
public interface ChannelCounter {

	/** Takes a channel of {@code key} for {@code holder} (a call) unless {@code limit} are in use; true when taken (or already held). */
	boolean tryAcquire(String key, int limit, String holder);

	/** Gives the holder's channel back. */
	void release(String key, String holder);

	/** Extends the holder's lease by a whole lease time from now; a lease that lapsed is not revived. */
	void renew(String key, String holder);

	/** Channels held now, lapsed leases not counted. */
	long inUse(String key);
}
