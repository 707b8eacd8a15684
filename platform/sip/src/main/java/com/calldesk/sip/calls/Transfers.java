package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Blind transfer (F10) of an answered call to another seat or to a number: everything that can refuse
 * (the agent busy or offline, no route, no channel) is checked before anything changes, so a refused
 * transfer leaves the customer talking to the agent. Then the customer hears hold music, the old agent's
 * leg is hung up, and the new leg rings with the relay's offer; when it answers the relay bridges it.
 * If it does not, an inbound customer goes back to the queue, an outbound one hears the busy message.
 * The relay keeps the customer's side throughout, so the customer's dialog never changes.
 */
final class Transfers {

	private static final Logger log = LoggerFactory.getLogger(Transfers.class);

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final Locations locations;

	private final OutboundRouting routing;

	private final CallDistribution distribution;

	private final ActiveCalls active;

	Transfers(B2bua b2bua, SipEndpoint endpoint, Locations locations, OutboundRouting routing, CallDistribution distribution,
			ActiveCalls active, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.locations = locations;
		this.routing = routing;
		this.distribution = distribution;
		this.active = active;
	}

	/** Marks the dialog of an agent the call was transferred away from: its BYE is answered and changes nothing. */
	static final Object LET_GO = new Object();

	CallSnapshot transfer(long tenantId, String callId, TransferTarget target, Runnable accepted) {
		Call call = active.get(callId);
		if (call == null || call.route().tenantId() != tenantId) {
			throw new TransferRefused("call-not-found");
		}
		synchronized (call) {
			if (call.state() != CallState.ANSWERED || call.dialogOf(Leg.AGENT) == null) {
				throw new TransferRefused("not-answered");
			}
			if (call.transfer != null || call.reinviting) {
				throw new TransferRefused("transfer-in-progress");
			}
			String offer = call.media.offerTo(Leg.AGENT);
			OutboundAttempt attempt = null;
			Request invite;
			try {
				if (target.seat() != null) {
					invite = toSeat(call, target.seat(), offer);
				}
				else {
					attempt = takeRoute(call, target.number());
					invite = GatewayInvite.build(endpoint, call, attempt.route(), attempt.display(), offer);
				}
			}
			catch (TransferRefused refused) {
				throw refused;
			}
			catch (Exception ex) {
				log.warn("Transfer of call {} could not be prepared", call.id(), ex);
				release(call, target, attempt);
				throw new TransferRefused("error");
			}
			accepted.run();
			handOver(call, target, attempt, invite);
			return call.snapshot();
		}
	}

	/** Checks and claims the seat; the INVITE to its phone. */
	private Request toSeat(Call call, String seat, String offer) throws Exception {
		if (seat.equals(call.seat())) {
			throw new TransferRefused("same-agent");
		}
		Optional<Binding> phone = locations.of(seat).stream().findFirst();
		if (phone.isEmpty()) {
			throw new TransferRefused("agent-offline");
		}
		if (active.onCall(seat) || !distribution.claimForTransfer(call.snapshot(), seat)) {
			throw new TransferRefused("agent-busy");
		}
		try {
			return AgentInvite.build(endpoint, call, seat, phone.get().target(), offer);
		}
		catch (Exception ex) {
			lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, "unreachable"));
			throw ex;
		}
	}

	private OutboundAttempt takeRoute(Call call, String number) {
		OutboundRouting.Decision decision = routing.route(call.route().tenantId(), number);
		if (decision instanceof OutboundRouting.Refused refused) {
			throw new TransferRefused(refused.reason());
		}
		return OutboundAttempt.take(b2bua.channels(), (OutboundRouting.Route) decision, call.id())
			.orElseThrow(() -> new TransferRefused("no-free-channel"));
	}

	/** Nothing can refuse any more: the old agent goes, the customer waits with music, the new leg rings. */
	private void handOver(Call call, TransferTarget target, OutboundAttempt attempt, Request invite) {
		Instant now = b2bua.now();
		String fromSeat = call.seat();
		Dialog old = call.dialogOf(Leg.AGENT);
		call.held = false;
		call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
		call.closeAgentLeg(now);
		detachAgent(call);
		old.setApplicationData(LET_GO);
		try {
			sip.bye(old);
		}
		catch (Exception ex) {
			log.debug("BYE to the transferring agent of call {} failed: {}", call.id(), ex.toString());
		}
		if (fromSeat != null) {
			lifecycle.on(new CallStep.SeatHandedOver(call.snapshot(), fromSeat));
		}
		if (target.seat() != null) {
			active.assign(call, target.seat());
		}
		else {
			active.release(call);
			call.forwardedTo(attempt.route().customerNumber());
			call.reroute(call.route().plus(java.util.List.of(attempt.route().gatewayChannelKey(), attempt.display().channelKey())));
		}
		if (call.inbound()) {
			// the customer's dialog stays with CallDesk now, whoever takes the call
			call.inAnswered = true;
		}
		try {
			ClientTransaction transaction = endpoint.provider().getNewClientTransaction(invite);
			LegRef agent = new LegRef(call, Leg.AGENT, b2bua);
			transaction.setApplicationData(agent);
			endpoint.provider().getNewDialog(transaction).setApplicationData(agent);
			Duration ring = target.seat() != null ? distribution.ringTimeout(call.route().tenantId()) : Forwards.RING_TIMEOUT;
			call.transfer = new Transfer(target, transaction, now.plus(ring), fromSeat, attempt);
			call.transferRinging = false;
			transaction.sendRequest();
			lifecycle.on(new CallStep.Transferring(call.snapshot()));
		}
		catch (Exception ex) {
			log.warn("Transfer of call {} could not ring {}", call.id(), target, ex);
			failed(call, "unreachable");
		}
	}

	private static void detachAgent(Call call) {
		if (call.outLeg() == Leg.AGENT) {
			call.outGone();
		}
		else {
			call.inDialog = null;
		}
	}

	/** Whether this response belongs to the leg a transfer rings. */
	static boolean isTransferLeg(Call call, ResponseEvent event) {
		Transfer transfer = call.transfer;
		return transfer != null && event.getClientTransaction() == transfer.invite();
	}

	void answered(Call call, ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		synchronized (call) {
			if (!isTransferLeg(call, event)) {
				return;
			}
			if (status < 200) {
				call.transferRinging |= status > 100;
				return;
			}
			if (status >= 300) {
				failed(call, SipIdioms.refusal(status));
				return;
			}
			try {
				Dialog dialog = event.getDialog();
				sip.ack(dialog, response);
				if (call.state() == CallState.ENDED) {
					sip.bye(dialog);
					return;
				}
				bridge(call, event, dialog);
			}
			catch (UnsupportedMediaException ex) {
				b2bua.hangUp(call, null, "no-codec");
			}
			catch (Exception ex) {
				log.warn("Bridging the transfer of call {} failed", call.id(), ex);
				b2bua.hangUp(call, null, "error");
			}
		}
	}

	private void bridge(Call call, ResponseEvent event, Dialog dialog) {
		Transfer transfer = call.transfer;
		byte[] sdp = event.getResponse().getRawContent();
		if (sdp != null && sdp.length > 0) {
			call.relaySdp(Leg.AGENT, new String(sdp, StandardCharsets.UTF_8));
		}
		call.media.stopPlaying();
		if (call.outLeg() == Leg.AGENT) {
			call.outTalking(transfer.invite(), dialog);
		}
		else {
			call.inDialog = dialog;
		}
		LegSession agent = call.session(Leg.AGENT);
		agent.timer = b2bua.timers().accepted(event.getResponse(), b2bua.now());
		agent.allowsUpdate = SessionTimers.allowsUpdate(event.getResponse());
		call.agentLegAnsweredAt = b2bua.now();
		call.transfer = null;
		call.transferRinging = false;
		CallSnapshot now = call.snapshot();
		lifecycle.on(new CallStep.Transferred(now, CallStep.Transferred.How.BLIND));
	}

	/** The call ended while a transfer rang: the new leg is cancelled (a 200 crossing it is hung up on arrival). */
	void endWith(Call call) {
		Transfer transfer = call.transfer;
		if (transfer == null) {
			return;
		}
		call.transfer = null;
		if (call.transferRinging) {
			sip.cancel(transfer.invite(), "the transfer leg of call " + call.id());
		}
		release(call, transfer.target(), transfer.attempt());
	}

	/** Our INVITE to the new leg got no answer at all (the phone or gateway is gone). */
	void unreachable(Call call, ClientTransaction invite) {
		synchronized (call) {
			if (call.transfer != null && call.transfer.invite() == invite) {
				failed(call, "unreachable");
			}
		}
	}

	/** The sweeper's check: a transfer ringing past its deadline has not been answered. */
	void check(Call call, Instant now) {
		synchronized (call) {
			Transfer transfer = call.transfer;
			if (transfer == null || !now.isAfter(transfer.deadline())) {
				return;
			}
			sip.cancel(transfer.invite(), "the transfer leg of call " + call.id());
			failed(call, "no-answer");
		}
	}

	/** The new leg did not take the call: an inbound customer goes back to the queue, an outbound one hears the busy message. */
	private void failed(Call call, String why) {
		Transfer transfer = call.transfer;
		call.transfer = null;
		call.transferRinging = false;
		CallSnapshot before = call.snapshot();
		call.closeAgentLeg(b2bua.now());
		release(call, transfer.target(), transfer.attempt());
		if (transfer.target().seat() != null) {
			lifecycle.on(new CallStep.SeatNotAnswered(before, transfer.target().seat(), why));
		}
		active.release(call);
		if (call.inbound()) {
			call.rejoining = true;
			b2bua.inboundCalls().rejoin(call);
			return;
		}
		var played = call.media.playToCustomer("all-busy", false);
		if (played == null) {
			b2bua.hangUp(call, null, "transfer-" + why);
			return;
		}
		played.whenComplete((done, error) -> b2bua.hangUp(call, null, "transfer-" + why));
	}

	private void release(Call call, TransferTarget target, OutboundAttempt attempt) {
		if (attempt != null) {
			b2bua.channels().release(attempt.route().gatewayChannelKey(), call.id());
			b2bua.channels().release(attempt.display().channelKey(), call.id());
		}
	}
}
