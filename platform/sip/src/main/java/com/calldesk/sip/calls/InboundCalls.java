package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * An inbound call looking for an agent, as the ACD directs: ring a seat; when its phone does not take
 * the call (no answer by the ring timeout, busy, refused) ring the next; when nobody is free, answer
 * the customer and let them wait with hold music until the ACD offers the call to a seat that frees
 * up, or overflows it (a prompt then the end, voicemail, or a forward to a mobile, as the tenant's
 * phone rules say). Every step runs under the call's lock.
 */
final class InboundCalls implements QueuedCalls {

	private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);

	static final String HOLD_MUSIC = "hold-music";

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final Locations locations;

	private final ActiveCalls active;

	private final CallDistribution distribution;

	private final Voicemails voicemails;

	private final Forwards forwards;

	private final QueueAnnouncements announcements;

	InboundCalls(B2bua b2bua, SipEndpoint endpoint, Locations locations, ActiveCalls active, CallDistribution distribution,
			OutboundRouting routing, CallLifecycle lifecycle, Clock clock) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.locations = locations;
		this.active = active;
		this.distribution = distribution;
		this.voicemails = new Voicemails(b2bua::hangUp, clock, lifecycle);
		this.forwards = new Forwards(b2bua, endpoint, routing);
		this.announcements = new QueueAnnouncements(clock, distribution);
	}

	/** The call was admitted and its media opened: find it an agent. */
	void start(Call call, String agentOffer) {
		synchronized (call) {
			call.agentOffer = agentOffer;
			next(call);
		}
	}

	/** The call was admitted to a number that takes no calls (callback not bought): its prompt, then the end. */
	void refuse(Call call, InboundRoute.Refusal refusal) {
		synchronized (call) {
			end(call, refusal.reason(), refusal.prompt());
		}
	}

	/** What the ACD says now: ring a seat, wait, or overflow. */
	private void next(Call call) {
		while (call.state() != CallState.ENDED) {
			CallDistribution.Decision decision = distribution.route(call.snapshot(), call.triedSeats, this::reachable);
			if (decision instanceof CallDistribution.Ring ring) {
				if (ring(call, ring.seat())) {
					return;
				}
				continue;
			}
			if (decision instanceof CallDistribution.RingAll all) {
				if (b2bua.ringAll().ring(call, all.seats())) {
					return;
				}
				continue;
			}
			if (decision instanceof CallDistribution.Overflow overflow) {
				overflow(call, overflow);
				return;
			}
			waitInQueue(call);
			return;
		}
	}

	/** Rings a claimed seat; false (the seat given back) when its phone has gone meanwhile. */
	private boolean ring(Call call, String seat) {
		call.triedSeats.add(seat);
		Optional<Binding> phone = locations.of(seat).stream().findFirst();
		if (phone.isEmpty() || !active.assign(call, seat)) {
			lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, "unreachable"));
			return false;
		}
		try {
			String sdp = call.inAnswered ? call.media.offerTo(Leg.AGENT) : call.agentOffer;
			call.waiting = false;
			call.outRingingTold = false;
			call.ringDeadline = b2bua.now().plus(distribution.ringTimeout(call.route().tenantId()));
			b2bua.sendOut(call, AgentInvite.build(endpoint, call, seat, phone.get().target(), sdp));
			return true;
		}
		catch (Exception ex) {
			log.warn("Ringing seat {} for call {} failed", seat, call.id(), ex);
			lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, "unreachable"));
			return false;
		}
	}

	/**
	 * The ringing phone did not take the call ({@code why}: no-answer, busy, rejected-&lt;code&gt;):
	 * cancel it if it still rings, then the next seat or the queue.
	 */
	void notAnswered(Call call, String why, boolean stillRinging) {
		synchronized (call) {
			if (call.forks != null && call.state() != CallState.ENDED) {
				call.ringDeadline = null;
				b2bua.ringAll().timedOut(call);
				next(call);
				return;
			}
			if (call.state() == CallState.ENDED || call.waiting || call.outInvite() == null) {
				return;
			}
			call.ringDeadline = null;
			b2bua.retireOut(call, stillRinging);
			if (call.forwarding) {
				end(call, "forward-" + why, call.forwardFailedPrompt);
				return;
			}
			lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), call.seat(), why));
			next(call);
		}
	}

	/** Every phone of a ring-all refused: the ACD decides again (other seats, the queue, or overflow). */
	void allForksFailed(Call call) {
		call.ringDeadline = null;
		next(call);
	}

	/** A customer whose transfer failed looks for an agent again, with hold music, as if newly queued. */
	void rejoin(Call call) {
		call.waiting = false;
		call.triedSeats.clear();
		next(call);
	}

	/** The sweeper's check: a phone ringing past the tenant's ring timeout has not answered. */
	void checkRinging(Call call, Instant now) {
		boolean late;
		synchronized (call) {
			late = !call.waiting && call.ringDeadline != null && now.isAfter(call.ringDeadline)
					&& (call.state() != CallState.ANSWERED || call.rejoining);
		}
		if (late) {
			notAnswered(call, "no-answer", true);
		}
	}

	/** Nobody free: the customer is answered by CallDesk and hears hold music until an agent is. */
	private void waitInQueue(Call call) {
		if (!answerCustomer(call)) {
			end(call, "no-agent", null);
			return;
		}
		call.waiting = true;
		call.ringDeadline = null;
		boolean entered = call.queued();
		lifecycle.on(new CallStep.Queued(call.snapshot(), !entered));
		if (entered) {
			// after the ACD has queued it: the announcement says where it stands (or hold music alone)
			announcements.entered(call);
		}
	}

	@Override
	public boolean offer(String callId, String seat) {
		Call call = active.get(callId);
		if (call == null) {
			return false;
		}
		synchronized (call) {
			boolean rings = call.waiting && call.state() != CallState.ENDED && ring(call, seat);
			if (rings) {
				announcements.interrupt(call);
			}
			return rings;
		}
	}

	@Override
	public boolean overflow(String callId, CallDistribution.Overflow overflow) {
		Call call = active.get(callId);
		if (call == null) {
			return false;
		}
		synchronized (call) {
			if (call.state() == CallState.ENDED || (call.state() == CallState.ANSWERED && !call.rejoining) || call.forwarding) {
				return false;
			}
			if (!call.waiting) {
				b2bua.retireOut(call, true);
				lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), call.seat(), "overflow"));
			}
			overflow(call, overflow);
			return true;
		}
	}

	/** Where the phone rules send an overflowing call: the message and the end, voicemail, or a forward. */
	private void overflow(Call call, CallDistribution.Overflow overflow) {
		if (overflow.then() instanceof CallDistribution.Voicemail voicemail && answerCustomer(call)) {
			voicemails.take(call, overflow.reason(), voicemail);
		}
		else if (!(overflow.then() instanceof CallDistribution.Forward forward && forwards.forward(call, overflow, forward))) {
			end(call, overflow.reason(), overflow.prompt());
		}
	}

	/** Ends the call with {@code reason}: after {@code prompt} when there is one to play, else at once (480 when unanswered). */
	void end(Call call, String reason, String prompt) {
		call.ringDeadline = null;
		if (prompt == null || !answerCustomer(call)) {
			if (call.inAnswered) {
				b2bua.hangUp(call, null, reason);
			}
			else {
				b2bua.failIn(call, null, Response.TEMPORARILY_UNAVAILABLE, reason);
			}
			return;
		}
		call.waiting = false;
		call.queued();
		var played = call.media.playToCustomer(prompt, false);
		if (played == null) {
			b2bua.hangUp(call, null, reason);
			return;
		}
		played.whenComplete((done, error) -> b2bua.hangUp(call, null, reason));
	}

	/** 200 to the customer with the relay's own answer (or offer, after a late offer); false when there is no relay to answer with. */
	boolean answerCustomer(Call call) {
		if (call.inAnswered) {
			return true;
		}
		try {
			byte[] offer = call.inRequest.getRawContent();
			String sdp = call.answerInAck ? call.media.offerTo(Leg.CUSTOMER)
					: call.media.answerCustomer(new String(offer, StandardCharsets.UTF_8));
			b2bua.answerIn(call, sdp);
			call.inAnswered = true;
			return true;
		}
		catch (UnsupportedMediaException ex) {
			return false;
		}
		catch (Exception ex) {
			log.warn("Answering the customer of call {} failed", call.id(), ex);
			return false;
		}
	}

	QueueAnnouncements announcements() {
		return announcements;
	}

	private boolean reachable(String seat) {
		return !locations.of(seat).isEmpty();
	}

	/** The ended call's out leg, ringing or about to, is cancelled (now, or at its first provisional). */
	void stopRinging(Call call) {
		boolean provisional;
		synchronized (call) {
			provisional = call.outRinging();
			call.cancelWhenProvisional = !provisional;
		}
		if (provisional) {
			b2bua.cancelOut(call);
		}
	}
}
