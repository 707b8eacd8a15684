package com.calldesk.sip.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * The session timer of one leg (RFC 4028) as negotiated by its last refresh: the interval, who
 * refreshes, and when the session was last refreshed. Guarded by the call's lock.
 */
final class SessionTimer {

	private final Duration interval;

	private final boolean weRefresh;

	private Instant refreshedAt;

	private boolean refreshing;

	SessionTimer(Duration interval, boolean weRefresh, Instant refreshedAt) {
		this.interval = interval;
		this.weRefresh = weRefresh;
		this.refreshedAt = refreshedAt;
	}

	Duration interval() {
		return interval;
	}

	boolean weRefresh() {
		return weRefresh;
	}

	Instant refreshedAt() {
		return refreshedAt;
	}

	/**
	 * The peer was to refresh and did not: RFC 4028 §10 has the side that does not refresh send BYE
	 * at the interval minus a third of it or 32 s, whichever is less, so a late refresh still wins.
	 */
	boolean expired(Instant now) {
		long grace = Math.min(32, interval.toSeconds() / 3);
		return !weRefresh && !now.isBefore(refreshedAt.plus(interval).minusSeconds(grace));
	}

	/** Our turn: half the interval has passed since the last refresh (§7.4) and none is under way. */
	boolean refreshDue(Instant now) {
		return weRefresh && !refreshing && !now.isBefore(refreshedAt.plus(interval.dividedBy(2)));
	}

	/** Ours to refresh, and no refresh has succeeded for a whole interval: the peer has forgotten the session. */
	boolean lapsed(Instant now) {
		return weRefresh && !now.isBefore(refreshedAt.plus(interval));
	}

	void refreshing() {
		refreshing = true;
	}

	/** A refresh failed for a reason that does not end the session (491): try again on the next check. */
	void refreshDeferred() {
		refreshing = false;
	}
}
