package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.ThrottledWarning;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.state.ChannelCounter;

/**
 * Calls through the B2BUA: the leg that came in, the leg we send out, answers relayed back, either
 * side may end it. Every end path goes through {@link #finish}, which acts once per call: channels
 * released, media closed and the {@link CallLifecycle} told, whatever ended the call first.
 */
public final class B2bua {

	private static final Logger log = LoggerFactory.getLogger(B2bua.class);

	private final ThrottledWarning endPathFailures = new ThrottledWarning(log, java.util.concurrent.TimeUnit.SECONDS.toNanos(10), System::nanoTime);

	private final ThrottledWarning setUpFailures = new ThrottledWarning(log, java.util.concurrent.TimeUnit.SECONDS.toNanos(10), System::nanoTime);

	static final int SESSION_INTERVAL_TOO_SMALL = 422;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final TrunkDirectory trunks;

	private final InboundCalls inboundCalls;

	private final CallDistribution distribution;

	private final Locations locations;

	private final ChannelCounter channels;

	private final MediaAnchor media;

	private final CallLifecycle lifecycle;

	private final ActiveCalls active;

	private final String node;

	private final Clock clock;

	private final SessionTimers timers;

	private final SessionRefresh refresh;

	private final OutLegRetries retries;

	private final CallSweeper sweeper;

	private final ClickToCalls clickToCalls;

	private final OutLegAnswers outAnswers;

	private final ForkedRinging ringAll;

	private final Consults consults;

	private final AttendedTransfers attendedTransfers;

	private final Transfers transfers;

	private final Holds holds;

	public B2bua(SipEndpoint endpoint, TrunkDirectory trunks, CallDistribution distribution, Locations locations, ChannelCounter channels,
			MediaAnchor media, CallLifecycle lifecycle, ActiveCalls active, String node, Clock clock, SessionTimers timers, OutboundRouting forwarding) {
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.trunks = trunks;
		this.distribution = distribution;
		this.locations = locations;
		this.channels = channels;
		this.media = media;
		this.lifecycle = lifecycle;
		this.active = active;
		this.node = node;
		this.clock = clock;
		this.timers = timers;
		this.refresh = new SessionRefresh(this::hangUp, endpoint, timers, clock);
		this.retries = new OutLegRetries(this, endpoint);
		this.inboundCalls = new InboundCalls(this, endpoint, locations, active, distribution, forwarding, lifecycle, clock);
		this.attendedTransfers = new AttendedTransfers(this, endpoint, distribution, active, lifecycle);
		this.consults = new Consults(this, endpoint, locations, distribution, active, media, lifecycle);
		this.ringAll = new ForkedRinging(this, endpoint, locations, distribution, lifecycle);
		this.outAnswers = new OutLegAnswers(this, endpoint, timers, lifecycle, clock);
		this.transfers = new Transfers(this, endpoint, locations, forwarding, distribution, active, lifecycle);
		this.sweeper = new CallSweeper(this::hangUp, active, channels, refresh, inboundCalls, transfers, consults, clock);
		this.holds = new Holds(this, endpoint, active, locations, lifecycle);
		this.clickToCalls = new ClickToCalls(this, endpoint, locations, forwarding, active, media, node, clock, lifecycle);
	}

	/**
	 * Click-to-call (F9): rings the seat's phone (asking it to answer by itself), then the customer through the
	 * tenant's gateway, and bridges them; returns the call's id at once, the rest is told as {@link CallStep}s.
	 * @throws ClickToCallRefused when the call cannot be placed (no phone, on a call, no route…)
	 */
	public String clickToCall(ClickToCall request) {
		return clickToCalls.start(request);
	}

	/** Hangs up a call of {@code tenantId} carried by this node on a command; empty when there is no such call here. */
	public Optional<CallSnapshot> hangUp(long tenantId, String callId, String reason) {
		Call call = active.get(callId);
		if (call == null || call.route().tenantId() != tenantId) {
			return Optional.empty();
		}
		synchronized (call) {
			if (call.inbound() && call.state() != CallState.ANSWERED && !call.inAnswered) {
				failIn(call, null, Response.TEMPORARILY_UNAVAILABLE, reason);
				inboundCalls.stopRinging(call);
				return Optional.of(call.snapshot());
			}
			hangUp(call, null, reason);
		}
		return Optional.of(call.snapshot());
	}

	/**
	 * Blind transfer (F10) of an answered call of {@code tenantId} on this node to a seat or a number.
	 *
	 * @throws TransferRefused when it cannot be started; the call is then untouched
	 */
	public CallSnapshot transfer(long tenantId, String callId, TransferTarget target) {
		return transfers.transfer(tenantId, callId, target, () -> {
		});
	}

	/** As {@link #transfer(long, String, TransferTarget)}, running {@code accepted} once nothing can refuse, before the agent is let go. */
	CallSnapshot transfer(long tenantId, String callId, TransferTarget target, Runnable accepted) {
		return transfers.transfer(tenantId, callId, target, accepted);
	}

	/**
	 * Consult (F10): the agent of an answered call talks to {@code seat} while the customer hears hold
	 * music; then {@link #completeConsult} or {@link #cancelConsult}.
	 *
	 * @throws TransferRefused as a transfer would be refused, with the call untouched
	 */
	public CallSnapshot consult(long tenantId, String callId, String seat) {
		return consults.consult(tenantId, callId, seat);
	}

	/** Hold, resume and the answer hint from the desktop. */
	public Holds holds() {
		return holds;
	}

	/** Consult-transfer: the consulted seat takes the customer. */
	public CallSnapshot completeConsult(long tenantId, String callId) {
		return consults.complete(tenantId, callId);
	}

	/** Back to the customer; the consulted seat is hung up. */
	public CallSnapshot cancelConsult(long tenantId, String callId) {
		return consults.cancel(tenantId, callId);
	}

	/** Seat-to-seat calls, which need the seat accounts to tell a colleague's seat from a number. */
	InternalCalls internalCalls(com.calldesk.sip.registrar.SeatAuthentication seats) {
		return new InternalCalls(this, seats, locations, distribution, active);
	}

	AttendedTransfers attendedTransfers() {
		return attendedTransfers;
	}

	Consults consults() {
		return consults;
	}

	Transfers transfers() {
		return transfers;
	}

	ForkedRinging ringAll() {
		return ringAll;
	}

	OutLegRetries retries() {
		return retries;
	}

	InboundCalls inboundCalls() {
		return inboundCalls;
	}

	ClickToCalls clickToCalls() {
		return clickToCalls;
	}

	/** What the ACD uses to offer waiting calls to seats and to overflow them. */
	public QueuedCalls queuedCalls() {
		return inboundCalls;
	}

	boolean fromTrunk(Request invite) {
		return trunks.isTrunkAddress(SipEndpoint.sourceOf(invite).address());
	}

	/** A new INVITE from a trunk: the dialled number picks the tenant, a seat of it gets the call. */
	void inbound(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request invite = event.getRequest();
		String dialled = invite.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
		Optional<InboundRoute> route = dialled == null ? Optional.empty() : trunks.inboundRoute(dialled);
		if (route.isEmpty()) {
			endpoint.respond(transaction, invite, Response.NOT_FOUND);
			return;
		}
		if (refusedTooShortSession(transaction, invite)) {
			return;
		}
		String id = UUID.randomUUID().toString();
		if (!channels.tryAcquire(route.get().channelKey(), route.get().channelLimit(), id)) {
			endpoint.respond(transaction, invite, Response.BUSY_HERE);
			return;
		}
		FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
		String caller = from != null && from.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
		Call call = admit(transaction, id, CallRoute.of(route.get()), caller, dialled);
		try {
			String agentSdp = openMedia(call);
			if (agentSdp != null && route.get().refusal() != null) {
				inboundCalls.refuse(call, route.get().refusal());
			}
			else if (agentSdp != null) {
				inboundCalls.start(call, agentSdp);
			}
		}
		catch (RuntimeException ex) {
			// half a call is worse than none: the caller is told to try again and the record closes
			setUpFailures.happened(n -> n + " calls failed after they were admitted since the last report, the latest " + call.id() + ": " + ex);
			failIn(call, null, Response.SERVICE_UNAVAILABLE, "error", r -> r.addHeader(endpoint.headers().createRetryAfterHeader(5)));
		}
	}

	/** A Session-Expires below our Min-SE gets 422 (RFC 4028 §8.1) before anything is taken. */
	boolean refusedTooShortSession(ServerTransaction transaction, Request invite) throws Exception {
		if (!timers.tooSmall(invite)) {
			return false;
		}
		endpoint.respond(transaction, invite, SESSION_INTERVAL_TOO_SMALL, r -> timers.refuseTooSmall(r, endpoint.headers()));
		return true;
	}

	/**
	 * Takes the INVITE on: 100 Trying first (it stops the caller's retransmissions, whatever the record
	 * write costs), then the call with its dialog and its record, before any phone rings.
	 */
	Call admit(ServerTransaction transaction, String id, CallRoute route, String customerNumber, String dialled) throws Exception {
		endpoint.respond(transaction, transaction.getRequest(), Response.TRYING);
		Call call = new Call(id, route, customerNumber, dialled, node, clock, transaction, endpoint.newTag());
		LegRef in = new LegRef(call, call.inLeg(), this);
		transaction.setApplicationData(in);
		call.inDialog = endpoint.provider().getNewDialog(transaction);
		call.inDialog.setApplicationData(in);
		synchronized (call) {
			call.session(call.inLeg()).allowsUpdate = SessionTimers.allowsUpdate(transaction.getRequest());
		}
		active.add(call);
		lifecycle.on(new CallStep.Offered(call.snapshot()));
		return call;
	}

	/**
	 * The relay's SDP for the out leg, or null when the call was refused (no codec, no media). An
	 * INVITE without SDP (late offer) gets the relay's own offer on the out leg; the out leg's answer
	 * becomes our offer in the 200 to the caller, whose ACK brings the answer ({@link #acked}).
	 */
	String openMedia(Call call) {
		try {
			call.media = media.open(call.id(), call.route().tenantCode());
			if (call.inRequest.getRawContent() == null || call.inRequest.getRawContent().length == 0) {
				synchronized (call) {
					call.answerInAck = true;
				}
				return call.media.offerTo(call.outLeg());
			}
			return call.relaySdp(call.inLeg(), new String(call.inRequest.getRawContent(), StandardCharsets.UTF_8));
		}
		catch (UnsupportedMediaException ex) {
			failIn(call, Response.NOT_ACCEPTABLE_HERE, "no-codec");
		}
		catch (RuntimeException ex) {
			log.warn("Media for call {} failed", call.id(), ex);
			failIn(call, Response.SERVICE_UNAVAILABLE, "media-unavailable");
		}
		return null;
	}

	void sendOut(Call call, Request invite) throws Exception {
		timers.offer(invite, null, endpoint.headers());
		synchronized (call) {
			call.session(call.outLeg()).lastSdpSent = invite.getRawContent() == null ? null
					: new String(invite.getRawContent(), StandardCharsets.UTF_8);
		}
		resendOut(call, endpoint.provider().getNewClientTransaction(invite));
	}

	/** Sends the out leg's INVITE in {@code transaction}: the first one, or one that overcomes a refusal ({@link OutLegRetries}). */
	void resendOut(Call call, ClientTransaction transaction) throws Exception {
		LegRef out = new LegRef(call, call.outLeg(), this);
		transaction.setApplicationData(out);
		Dialog dialog = endpoint.provider().getNewDialog(transaction);
		dialog.setApplicationData(out);
		synchronized (call) {
			call.outSent(transaction, dialog);
		}
		transaction.sendRequest();
	}

	/** An answer to the INVITE we sent out ({@link OutLegAnswers}). */
	void outAnswered(Call call, ResponseEvent event) {
		outAnswers.answered(call, event);
	}

	/** CallDesk answers the caller itself (the call waits, or hears a prompt), with the relay's SDP. */
	void answerIn(Call call, String sdp) throws Exception {
		Response ok = endpoint.messages().createResponse(Response.OK, call.inRequest);
		tagged(call, ok);
		ok.addHeader(sip.contact());
		ok.setContent(sdp, endpoint.headers().createContentTypeHeader("application", "sdp"));
		LegSession in = call.session(call.inLeg());
		in.timer = timers.answer(call.inRequest, ok, endpoint.headers(), clock.instant());
		in.lastSdpSent = sdp;
		call.inInvite.sendResponse(ok);
	}

	void outTimedOut(Call call) {
		if (call.inbound()) {
			inboundCalls.notAnswered(call, "no-answer", false);
			return;
		}
		failIn(call, call.inbound() ? Response.TEMPORARILY_UNAVAILABLE : Response.REQUEST_TIMEOUT,
				(call.outLeg() == Leg.AGENT ? "agent" : "customer") + "-no-answer");
	}

	/**
	 * The caller's ACK to our 200. After a late offer it carries the caller's answer, which tells the
	 * relay where the caller's media goes; an ACK without one leaves the call without media on that
	 * side (RFC 3264 requires the answer), so the call is ended.
	 */
	void acked(RequestEvent event) {
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref) || ref.leg() != ref.call().inLeg()) {
			return;
		}
		Call call = ref.call();
		synchronized (call) {
			if (!call.answerInAck) {
				return;
			}
			call.answerInAck = false;
		}
		byte[] sdp = event.getRequest().getRawContent();
		try {
			if (sdp == null || sdp.length == 0) {
				hangUp(call, null, "no-sdp-answer");
				return;
			}
			call.relaySdp(call.inLeg(), new String(sdp, StandardCharsets.UTF_8));
		}
		catch (UnsupportedMediaException ex) {
			hangUp(call, null, "no-codec");
		}
	}

	/** BYE from either side: answer it, end the call, and hang up the other side. */
	void bye(RequestEvent event, ServerTransaction transaction) throws Exception {
		if (event.getDialog() != null && event.getDialog().getApplicationData() instanceof ConsultLeg consulted) {
			endpoint.respond(transaction, event.getRequest(), Response.OK);
			consults.seatGone(consulted.call(), "hung-up");
			return;
		}
		if (event.getDialog() != null && event.getDialog().getApplicationData() == Transfers.LET_GO) {
			// the transferring agent's phone hangs up its side, which we had hung up already
			endpoint.respond(transaction, event.getRequest(), Response.OK);
			return;
		}
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)) {
			endpoint.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		synchronized (ref.call()) {
			// the agent's phone hung up just as a transfer handed the call over (a REFER's BYE): that ends nothing
			if (event.getDialog().getApplicationData() == Transfers.LET_GO) {
				return;
			}
		}
		if (ref.leg() == Leg.AGENT && consults.agentHungUp(ref.call())) {
			return;
		}
		hangUp(ref.call(), ref.leg(), ref.leg() == Leg.CUSTOMER ? "customer-hangup" : "agent-hangup");
	}

	/** CANCEL of the incoming INVITE before it was answered. */
	void cancel(RequestEvent event, ServerTransaction transaction) throws Exception {
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		ServerTransaction invite = ((gov.nist.javax.sip.stack.SIPServerTransaction) transaction).getCanceledInviteTransaction();
		if (invite == null || !(invite.getApplicationData() instanceof LegRef ref)) {
			return;
		}
		Call call = ref.call();
		String who = call.inLeg() == Leg.CUSTOMER ? "customer" : "agent";
		if (!finish(call, call.inLeg(), who + "-cancelled", Response.REQUEST_TERMINATED)) {
			return;
		}
		endpoint.respond(invite, call.inRequest, Response.REQUEST_TERMINATED, r -> tagged(call, r));
		inboundCalls.stopRinging(call);
	}


	/** Ends a call from one side (or from CallDesk, {@code by} null) and hangs up the other side(s). */
	void hangUp(Call call, Leg by, String reason) {
		CallState before = call.state();
		if (!finish(call, by, reason, 0)) {
			return;
		}
		try {
			if (by != call.outLeg() && call.outDialog() != null) {
				if (before == CallState.ANSWERED) {
					sip.bye(call.outDialog());
				}
				else if (call.outRinging()) {
					cancelOut(call);
				}
			}
			if (by != call.inLeg()) {
				if (before == CallState.ANSWERED || call.inAnswered) {
					sip.bye(call.inDialog);
				}
				else if (call.originated()) {
					clickToCalls.cancelAgent(call);
				}
				else {
					endpoint.respond(call.inInvite, call.inRequest, Response.TEMPORARILY_UNAVAILABLE, r -> tagged(call, r));
				}
			}
		}
		catch (Exception ex) {
			log.debug("Hanging up call {} after {}: {}", call.id(), reason, ex.toString());
		}
	}

	/** Refuses the incoming INVITE with {@code status}, ending the call. */
	void failIn(Call call, int status, String reason) {
		failIn(call, call.outLeg(), status, reason);
	}

	/** As {@link #failIn(Call, int, String)}, ended by {@code by} (null: CallDesk itself, e.g. nobody to take the call). */
	void failIn(Call call, Leg by, int status, String reason) {
		failIn(call, by, status, reason, r -> {
		});
	}

	/** As {@link #failIn(Call, Leg, int, String)}, with headers of its own on the refusal (a Warning that says why). */
	void failIn(Call call, Leg by, int status, String reason, SipEndpoint.Customizer extra) {
		if (call.originated()) {
			hangUp(call, by, reason);
			return;
		}
		if (!finish(call, by, reason, status)) {
			return;
		}
		try {
			endpoint.respond(call.inInvite, call.inRequest, status, r -> {
				tagged(call, r);
				extra.apply(r);
				if (by == null) {
					// CallDesk's own refusal (nobody there, callback not bought): the carrier's logs say why (RFC 3326)
					r.addHeader(endpoint.headers().createReasonHeader("SIP", status, reason));
				}
			});
		}
		catch (Exception ex) {
			log.debug("Could not refuse call {}: {}", call.id(), ex.toString());
		}
	}

	/** The one end path: acts once per call. */
	boolean finish(Call call, Leg by, String reason, int status) {
		if (!call.end(by, reason, status)) {
			return false;
		}
		call.channelKeys().forEach(key -> quietly(call, "releasing channel " + key, () -> channels.release(key, call.id())));
		quietly(call, "cancelling ring-all forks", () -> ringAll.cancelAll(call));
		quietly(call, "ending a consultation", () -> consults.endWith(call));
		quietly(call, "ending a transfer", () -> transfers.endWith(call));
		if (call.media != null) {
			call.media.close();
		}
		// told before the call leaves the active set: whoever sees no active call finds its end queued
		lifecycle.on(new CallStep.Ended(call.snapshot()));
		active.remove(call);
		return true;
	}

	/**
	 * A clean-up step of the end path that must not keep the rest from running: the call ends, its record
	 * closes and its media is freed even while the shared state is away (a channel not released now is
	 * freed when its lease runs out, as it is never renewed again).
	 */
	private void quietly(Call call, String what, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			endPathFailures.happened(n -> n + " end-path steps failed since the last report, the latest " + what + " of call " + call.id() + ": " + ex);
		}
	}

	/**
	 * The call moves on from its out leg (the phone did not answer, or the call overflows): a leg still
	 * ringing is cancelled, and whatever that leg answers later is stale ({@link #staleAnswer}): a 487
	 * must not count as a second refusal, a 200 is hung up.
	 */
	void retireOut(Call call, boolean cancel) {
		if (cancel && call.outRinging()) {
			cancelOut(call);
		}
		else if (cancel && call.outInvite() != null) {
			call.cancelOnProvisional.add(call.outInvite());
		}
		call.outGone();
	}

	void cancelOut(Call call) {
		sip.cancel(call.outInvite(), "the out leg of call " + call.id());
	}

	Instant now() {
		return clock.instant();
	}

	SessionTimers timers() {
		return timers;
	}

	static void tagged(Call call, Response response) throws ParseException {
		((ToHeader) response.getHeader(ToHeader.NAME)).setTag(call.inTag);
	}

	/** The sweeper's round over the active calls, every second ({@link CallSweeper}). */
	public void sweep(Duration ringTimeout) {
		sweeper.sweep(ringTimeout);
	}

	/** The seat on this call, counted busy until the call ends; false when it ended meanwhile. */
	boolean assign(Call call, String seat) {
		return active.assign(call, seat);
	}

	SipEndpoint endpoint() {
		return endpoint;
	}

	/** For a call CallDesk answers with a session of its own ({@link PromptedRefusal}). */
	MediaAnchor media() {
		return media;
	}

	ChannelCounter channels() {
		return channels;
	}
}
