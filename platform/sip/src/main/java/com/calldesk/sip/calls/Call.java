package com.calldesk.sip.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call through the B2BUA: the leg that came in (the customer's from a trunk, or an agent's from a
 * phone) and the leg we sent out, its media and its explicit state. Events of one call arrive on
 * several stack threads, so every change goes through this object's lock.
 */
public final class Call {

	private final String id;

	private CallRoute route;

	private final String customerNumber;

	private final String dialledNumber;

	private final String node;

	private final Clock clock;

	final ServerTransaction inInvite;

	final Request inRequest;

	final String inTag;

	Dialog inDialog;

	/**
	 * Where the INVITE we sent out stands. It can be cancelled only once it rings (RFC 3261 9.1: a CANCEL
	 * before any provisional is not sent), and a dialog we talk on is hung up with BYE instead.
	 */
	enum OutPhase {
		/** No INVITE out: none sent yet, or the call moved on from it. */
		NONE,
		/** Sent, no provisional yet. */
		INVITED,
		/** A provisional came back: CANCEL stops it. */
		RINGING,
		/** Answered: the call talks on this dialog (a phone that took it, a consulted or transferred-to seat). */
		TALKING
	}

	private OutPhase outPhase = OutPhase.NONE;

	private ClientTransaction outInvite;

	private Dialog outDialog;

	boolean cancelWhenProvisional;

	/** Out legs the call moved on from before they rang: each is cancelled at its first provisional. */
	final java.util.Set<ClientTransaction> cancelOnProvisional = new java.util.HashSet<>();

	boolean reinviting;

	/** The caller sent no SDP: our 200 carries the offer and its ACK must bring the answer. */
	boolean answerInAck;

	/** A seat's call out through a gateway (null for inbound calls). */
	OutboundAttempt outbound;

	/**
	 * Why the call ends, decided before it does (a refused call explained by a prompt): whoever hangs
	 * up first, the record keeps this reason. Null: the end path's own reason.
	 */
	String decidedEndReason;

	/** When this node last renewed the call's channel leases (null: when they were taken). */
	Instant leasesRenewedAt;

	/** Our INVITE was refused 422 once and sent again with the interval asked for. */
	boolean sessionRetried;

	/** CallDesk has answered the caller itself (it waits in the queue, or hears a prompt). */
	boolean inAnswered;

	/** Our INVITE to the agent's phone of a click-to-call, until the phone answers it. */
	ClientTransaction agentInvite;

	/** The out leg goes to a mobile through a gateway (F14), not to a seat. */
	boolean forwarding;

	/** The number the call was forwarded to, for the record and the bill. */
	private String forwardedTo;

	/** Agent-side legs this call had before the current one (transfers), oldest first. */
	final List<PartyLeg> earlierLegs = new java.util.ArrayList<>();

	/** When the current agent-side leg started and was answered, when not the call's own times (after a transfer). */
	Instant agentLegStartedAt;

	Instant agentLegAnsweredAt;

	/** The phones ringing at once for this call (ring-all), until one answers. */
	ForkedRinging.Forks forks;

	/** The agent put the customer on hold (hold music) by command; cleared when a transfer or consult takes the customer's media over. */
	boolean held;

	/** A consultation under way: the agent talks to another seat while the customer waits. */
	Consult consult;

	/** A transfer under way: the new agent-side leg rings while the customer hears hold music. */
	Transfer transfer;

	/** The transfer's new leg has sent a provisional, so it can be cancelled. */
	boolean transferRinging;

	/** A customer put back in the queue after a failed transfer: the next agent to answer takes the call over. */
	boolean rejoining;

	/** What the caller hears when the forward fails. */
	String forwardFailedPrompt;

	/** Waiting in the queue with no phone ringing for it. */
	boolean waiting;

	/** The queue announcement being said now (its prompts still to come), null between them (B7). */
	java.util.Iterator<String> announcing;

	/** When the waiting caller's next queue announcement is due; null: none (off, or not queued). */
	Instant nextAnnouncement;

	/** Seats rung in the current round of an inbound call, so the ACD moves on to others. */
	final java.util.Set<String> triedSeats = new java.util.HashSet<>();

	/** When the ringing agent phone counts as not answering. */
	Instant ringDeadline;

	/** The relay's SDP for agent phones while the customer is not answered (the customer's offer, rewritten). */
	String agentOffer;

	/** The current out leg's first provisional has been told as {@link CallStep.Ringing}. */
	boolean outRingingTold;

	MediaAnchor.Session media;

	private final LegSession customerSession = new LegSession();

	private final LegSession agentSession = new LegSession();

	private String seat;

	private CallState state = CallState.OFFERED;

	private final Instant offeredAt;

	private Instant ringingAt;

	private Instant answeredAt;

	private Instant endedAt;

	private Leg endedBy;

	private String endReason;

	private int sipStatus;

	Call(String id, CallRoute route, String customerNumber, String dialledNumber, String node, Clock clock,
			ServerTransaction inInvite, String inTag) {
		this.id = id;
		this.route = route;
		this.customerNumber = customerNumber;
		this.dialledNumber = dialledNumber;
		this.node = node;
		this.clock = clock;
		this.inInvite = inInvite;
		this.inRequest = inInvite.getRequest();
		this.inTag = inTag;
		this.offeredAt = clock.instant();
		this.leasesRenewedAt = offeredAt;
	}

	/** A call CallDesk places itself (click-to-call, F9): its first leg is our INVITE to the agent's phone. */
	Call(String id, CallRoute route, String customerNumber, String dialledNumber, String node, Clock clock) {
		this.id = id;
		this.route = route;
		this.customerNumber = customerNumber;
		this.dialledNumber = dialledNumber;
		this.node = node;
		this.clock = clock;
		this.inInvite = null;
		this.inRequest = null;
		this.inTag = null;
		this.offeredAt = clock.instant();
		this.leasesRenewedAt = offeredAt;
	}

	/** Placed by CallDesk (click-to-call): no INVITE came in, the agent leg is ours. */
	boolean originated() {
		return inInvite == null;
	}

	public String id() {
		return id;
	}

	synchronized CallRoute route() {
		return route;
	}

	/** Shown with another display number (the gateway refused the first one). */
	synchronized void reroute(CallRoute route) {
		this.route = route;
	}

	boolean inbound() {
		return route().inbound();
	}

	/** The side that sent us the INVITE. */
	Leg inLeg() {
		return inbound() ? Leg.CUSTOMER : Leg.AGENT;
	}

	Leg outLeg() {
		return inLeg().other();
	}

	/** The INVITE we sent out (null: none out). */
	ClientTransaction outInvite() {
		return outInvite;
	}

	Dialog outDialog() {
		return outDialog;
	}

	/** The out leg has rung (or was answered): cancelling it is a CANCEL, not a wait for its first provisional. */
	boolean outRinging() {
		return outPhase == OutPhase.RINGING || outPhase == OutPhase.TALKING;
	}

	/** A new INVITE out: the next seat, another display number, or the same one again with a longer session interval. */
	void outSent(ClientTransaction invite, Dialog dialog) {
		outInvite = invite;
		outDialog = dialog;
		outPhase = OutPhase.INVITED;
	}

	/** The INVITE out sent a provisional. */
	void outRang() {
		if (outPhase == OutPhase.INVITED) {
			outPhase = OutPhase.RINGING;
		}
	}

	/** The call now talks on this answered leg. */
	void outTalking(ClientTransaction invite, Dialog dialog) {
		outInvite = invite;
		outDialog = dialog;
		outPhase = OutPhase.TALKING;
	}

	/** The call moved on from its out leg (retired, transferred away, handed over): what that leg says later is stale. */
	void outGone() {
		outInvite = null;
		outDialog = null;
		outPhase = OutPhase.NONE;
	}

	Dialog dialogOf(Leg leg) {
		return leg == inLeg() ? inDialog : outDialog;
	}

	/** The leg's session timer, UPDATE support and last SDP sent; read and change it under this call's lock. */
	LegSession session(Leg leg) {
		return leg == Leg.CUSTOMER ? customerSession : agentSession;
	}

	/** SDP from one side, rewritten by the media anchor for the other. */
	String relaySdp(Leg from, String sdp) {
		return from == Leg.CUSTOMER ? media.toAgent(sdp) : media.toCustomer(sdp);
	}

	List<String> channelKeys() {
		return route().channelKeys();
	}

	synchronized void forwardedTo(String number) {
		this.forwardedTo = number;
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

	/** OFFERED or RINGING → QUEUED, once: CallDesk answered the caller, who waits for an agent. */
	synchronized boolean queued() {
		if (state != CallState.OFFERED && state != CallState.RINGING) {
			return false;
		}
		state = CallState.QUEUED;
		return true;
	}

	/** OFFERED, RINGING or QUEUED → ANSWERED, once. */
	synchronized boolean answered() {
		if (state != CallState.OFFERED && state != CallState.RINGING && state != CallState.QUEUED) {
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
		endReason = decidedEndReason != null ? decidedEndReason : reason;
		if (sipStatus == 0) {
			sipStatus = status;
		}
		return true;
	}

	/** The current agent-side leg ends (the call goes on to another agent): it joins the earlier ones. */
	synchronized void closeAgentLeg(Instant at) {
		PartyLeg current = currentAgentLeg(at);
		if (current != null) {
			earlierLegs.add(current);
		}
		forwardedTo = null;
		agentLegStartedAt = at;
		agentLegAnsweredAt = null;
	}

	private PartyLeg currentAgentLeg(Instant end) {
		String party = forwardedTo != null ? forwardedTo : seat;
		if (party == null) {
			return null;
		}
		return new PartyLeg(forwardedTo != null ? "FORWARD" : "AGENT", party, agentLegStartedAt != null ? agentLegStartedAt : offeredAt,
				agentLegStartedAt != null ? agentLegAnsweredAt : answeredAt, end);
	}

	private List<PartyLeg> agentLegs() {
		List<PartyLeg> legs = new java.util.ArrayList<>(earlierLegs);
		PartyLeg current = currentAgentLeg(endedAt);
		if (current != null) {
			legs.add(current);
		}
		return List.copyOf(legs);
	}

	synchronized CallSnapshot snapshot() {
		return new CallSnapshot(id, route.tenantId(), route.tenantCode(), inbound() ? "INBOUND" : route.internal() ? "INTERNAL" : "OUTBOUND", customerNumber,
				dialledNumber, route.trunkNumberId(), route.trunkNumber(), route.displayNumber(), seat, state, offeredAt, ringingAt,
				answeredAt, endedAt, endedBy == null ? (state == CallState.ENDED ? "SYSTEM" : null) : endedBy.name(), endReason, sipStatus,
				media == null || media.recording() == null ? null : media.recording().toString(), node, forwardedTo, agentLegs());
	}
}
