package com.calldesk.sip.calls;

import java.time.Instant;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * A consultation under way (F10): the agent talks to another seat through a relay session of its own
 * while the customer hears hold music. Guarded by the call's lock.
 */
final class Consult {

	enum Phase {
		/** The consulted seat's phone rings. */
		RINGING,
		/** The consulted seat answered; the agent's phone is being moved onto the consultation. */
		JOINING,
		/** Agent and consulted seat talk. */
		TALKING,
		/** The consulted seat is being moved onto the customer (consult-transfer). */
		COMPLETING,
		/** The agent is being moved back to the customer (cancel). */
		RETURNING
	}

	final String seat;

	final MediaAnchor.Session media;

	final Instant deadline;

	Phase phase = Phase.RINGING;

	ClientTransaction invite;

	Dialog dialog;

	/** The consulted phone's answer, and the agent's answer to the move: what each speaks. */
	String seatSdp;

	String agentSdp;

	/** The consulted phone has sent a provisional, so it can be cancelled. */
	boolean provisional;

	/** The agent hung up while talking to the consulted seat: the customer goes to that seat. */
	boolean agentGone;

	Consult(String seat, MediaAnchor.Session media, Instant deadline) {
		this.seat = seat;
		this.media = media;
		this.deadline = deadline;
	}
}
