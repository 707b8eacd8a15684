package com.calldesk.sip.calls;

import java.time.Clock;
import java.time.Instant;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call through the B2BUA: its two legs, its media and its explicit state. Events of one call
 * arrive on several stack threads, so every change goes through this object's lock; the lock is
 * never held while sending (JAIN-SIP may block on TCP).
 */
public final class Call {

	private final String id;

	private final InboundRoute route;

	private final String customerNumber;

	private final String dialledNumber;

	private final String node;

	private final Clock clock;

	final ServerTransaction customerInvite;

	final Request customerRequest;

	final String customerTag;

	Dialog customerDialog;

	ClientTransaction agentInvite;

	Dialog agentDialog;

	boolean agentProvisional;

	boolean cancelWhenProvisional;

	boolean reinviting;

	MediaAnchor.Session media;

	private String seat;

	private CallState state = CallState.OFFERED;

	private final Instant offeredAt;

	private Instant ringingAt;

	private Instant answeredAt;

	private Instant endedAt;

	private Leg endedBy;

	private String endReason;

	private int sipStatus;

	Call(String id, InboundRoute route, String customerNumber, String dialledNumber, String node, Clock clock,
			ServerTransaction customerInvite, String customerTag) {
		this.id = id;
		this.route = route;
		this.customerNumber = customerNumber;
		this.dialledNumber = dialledNumber;
		this.node = node;
		this.clock = clock;
		this.customerInvite = customerInvite;
		this.customerRequest = customerInvite.getRequest();
		this.customerTag = customerTag;
		this.offeredAt = clock.instant();
	}

	public String id() {
		return id;
	}

	InboundRoute route() {
		return route;
	}

	synchronized void seat(String seat) {
		this.seat = seat;
	}

	synchronized String seat() {
		return seat;
	}

	synchronized CallState state() {
		return state;
	}

	/** OFFERED → RINGING, once. */
	synchronized boolean ringing() {
		if (state != CallState.OFFERED) {
			return false;
		}
		state = CallState.RINGING;
		ringingAt = clock.instant();
		return true;
	}

	/** OFFERED or RINGING → ANSWERED, once. */
	synchronized boolean answered() {
		if (state != CallState.OFFERED && state != CallState.RINGING) {
			return false;
		}
		state = CallState.ANSWERED;
		answeredAt = clock.instant();
		sipStatus = 200;
		return true;
	}

	/** Any state → ENDED, once: the first end path wins and the others do nothing. */
	synchronized boolean end(Leg by, String reason, int status) {
		if (state == CallState.ENDED) {
			return false;
		}
		state = CallState.ENDED;
		endedAt = clock.instant();
		endedBy = by;
		endReason = reason;
		if (sipStatus == 0) {
			sipStatus = status;
		}
		return true;
	}

	synchronized CallSnapshot snapshot() {
		return new CallSnapshot(id, route.tenantId(), route.tenantCode(), "INBOUND", customerNumber, dialledNumber,
				route.trunkNumberId(), route.trunkNumber(), seat, state, offeredAt, ringingAt, answeredAt, endedAt,
				endedBy == null ? null : endedBy.name(), endReason, sipStatus,
				media == null || media.recording() == null ? null : media.recording().toString(), node);
	}
}
