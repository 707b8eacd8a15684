package com.calldesk.sip.trunks;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a registering trunk stands: registered until when (refreshed at half time), or failed and
 * why; the Call-ID and CSeq stay the same across refreshes, as RFC 3261 §10.2 asks.
 */
public record TrunkState(Status status, Instant refreshAt, String lastError, String callId, long cseq) {

	static final TrunkState NEW = new TrunkState(Status.UNREGISTERED, null, null, null, 0);

	/** UNREGISTERED until the first answer; REGISTERED or FAILED after. */
	public enum Status {
		UNREGISTERED, REGISTERED, FAILED
	}

	/**
	 * A REGISTER is on its way: no other is sent until it is answered or its transaction times out
	 * (Timer F, 32 s) — a round that comes sooner must not start a second registration beside it.
	 */
	TrunkState sending(String callId, Instant now) {
		return new TrunkState(status, now.plusSeconds(32), lastError, callId, cseq + 1);
	}

	TrunkState nextCseq() {
		return new TrunkState(status, refreshAt, lastError, callId, cseq + 1);
	}

	TrunkState registered(Instant now, Duration granted) {
		return new TrunkState(Status.REGISTERED, now.plus(granted.dividedBy(2)), null, callId, cseq);
	}

	TrunkState failed(String why, Instant now) {
		return new TrunkState(Status.FAILED, now.plusSeconds(30), why, callId, cseq);
	}
}
