package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Consult, then transfer or go back (F10). The customer hears hold music on the call's relay session;
 * the consulted seat rings with a second relay session of its own; when it answers, the agent's phone
 * is moved onto that session by re-INVITE (offered exactly the codec the consulted phone chose), so
 * the two talk. Consult-transfer moves the consulted phone onto the customer's session by re-INVITE
 * and lets the agent go; cancel moves the agent back and hangs up the consulted phone. The agent
 * hanging up while consulting hands the customer to the consulted seat (as desk phones do). Every
 * refusal leaves the customer with the agent.
 */
final class Consults {

	private static final Logger log = LoggerFactory.getLogger(Consults.class);

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final Locations locations;

	private final CallDistribution distribution;

	private final ActiveCalls active;

	private final MediaAnchor media;

	Consults(B2bua b2bua, SipEndpoint endpoint, Locations locations, CallDistribution distribution, ActiveCalls active, MediaAnchor media, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.locations = locations;
		this.distribution = distribution;
		this.active = active;
		this.media = media;
	}

	CallSnapshot consult(long tenantId, String callId, String seat) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			if (call.state() != CallState.ANSWERED || call.dialogOf(Leg.AGENT) == null) {
				throw new TransferRefused("not-answered");
			}
			if (call.transfer != null || call.consult != null || call.reinviting || call.rejoining) {
				throw new TransferRefused("transfer-in-progress");
			}
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
			MediaAnchor.Session side = null;
			try {
				side = media.open(call.id() + "-consult", call.route().tenantCode());
				Consult consult = new Consult(seat, side, b2bua.now().plus(distribution.ringTimeout(tenantId)));
				// the consulted phone is offered only what the customer speaks, so it can take the customer over untranscoded
				String customerSpeaks = call.session(Leg.CUSTOMER).lastSdpSent;
				String offer = customerSpeaks != null ? side.offerLike(Leg.AGENT, customerSpeaks) : side.offerTo(Leg.AGENT);
				ClientTransaction invite = endpoint.provider()
					.getNewClientTransaction(AgentInvite.build(endpoint, call, seat, phone.get().target(), offer));
				ConsultLeg leg = new ConsultLeg(call, this);
				invite.setApplicationData(leg);
				Dialog dialog = endpoint.provider().getNewDialog(invite);
				dialog.setApplicationData(leg);
				consult.invite = invite;
				consult.dialog = dialog;
				call.consult = consult;
				call.held = false;
				call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
				invite.sendRequest();
				return call.snapshot();
			}
			catch (Exception ex) {
				log.warn("Consulting seat {} on call {} failed", seat, call.id(), ex);
				call.consult = null;
				call.media.stopPlaying();
				if (side != null) {
					side.close();
				}
				lifecycle.on(new CallStep.SeatReleased(call.snapshot(), seat));
				throw new TransferRefused("error");
			}
		}
	}

	/** The consulted phone's answer to our INVITE. */
	void seatAnswered(Call call, ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		synchronized (call) {
			Consult consult = call.consult;
			if (consult == null || event.getClientTransaction() != consult.invite) {
				stale(event);
				return;
			}
			if (status < 200) {
				consult.provisional = status > 100;
				return;
			}
			if (status >= 300) {
				end(call, consult, SipIdioms.refusal(status));
				return;
			}
			try {
				Dialog dialog = event.getDialog();
				sip.ack(dialog, response);
				consult.dialog = dialog;
				consult.seatSdp = new String(response.getRawContent(), StandardCharsets.UTF_8);
				consult.media.toCustomer(consult.seatSdp);
				lifecycle.on(new CallStep.SeatAnswered(call.snapshot(), consult.seat));
				if (consult.agentGone) {
					complete(call, consult);
					return;
				}
				consult.phase = Consult.Phase.JOINING;
				reinvite(call, call.dialogOf(Leg.AGENT), consult.media.offerLike(Leg.CUSTOMER, consult.seatSdp), answer -> joined(call, consult, answer));
			}
			catch (Exception ex) {
				log.warn("Consultation of call {} failed after the seat answered", call.id(), ex);
				hangUpSeat(consult);
				end(call, consult, "error");
			}
		}
	}

	/** The agent's phone answered the move onto the consultation: they talk. */
	private void joined(Call call, Consult consult, Response answer) {
		if (consult.agentGone) {
			complete(call, consult);
			return;
		}
		if (answer == null || answer.getStatusCode() >= 300 || answer.getRawContent() == null) {
			hangUpSeat(consult);
			end(call, consult, "agent-refused-move");
			return;
		}
		consult.agentSdp = new String(answer.getRawContent(), StandardCharsets.UTF_8);
		consult.media.toAgent(consult.agentSdp);
		consult.phase = Consult.Phase.TALKING;
		lifecycle.on(new CallStep.Consulting(call.snapshot(), consult.seat));
		if (consult.agentGone) {
			complete(call, consult);
		}
	}

	/** Consult-transfer: the consulted seat takes the customer, the agent is let go. */
	CallSnapshot complete(long tenantId, String callId) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			Consult consult = call.consult;
			if (consult == null || consult.phase != Consult.Phase.TALKING) {
				throw new TransferRefused("consult-not-ready");
			}
			complete(call, consult);
			return call.snapshot();
		}
	}

	private void complete(Call call, Consult consult) {
		consult.phase = Consult.Phase.COMPLETING;
		try {
			reinvite(call, consult.dialog, call.media.offerLike(Leg.AGENT, consult.seatSdp), answer -> completed(call, consult, answer));
		}
		catch (Exception ex) {
			log.warn("Moving the consulted seat onto call {} failed", call.id(), ex);
			b2bua.hangUp(call, null, "error");
		}
	}

	private void completed(Call call, Consult consult, Response answer) {
		if (answer == null || answer.getStatusCode() >= 300 || answer.getRawContent() == null) {
			// the consulted phone would not move: back to the agent if there still is one
			if (consult.agentGone) {
				b2bua.hangUp(call, null, "consult-transfer-failed");
			}
			else {
				consult.phase = Consult.Phase.TALKING;
			}
			return;
		}
		call.relaySdp(Leg.AGENT, new String(answer.getRawContent(), StandardCharsets.UTF_8));
		call.media.stopPlaying();
		String fromSeat = call.seat();
		Dialog agent = call.dialogOf(Leg.AGENT);
		call.closeAgentLeg(b2bua.now());
		if (agent != null && !consult.agentGone) {
			agent.setApplicationData(Transfers.LET_GO);
			try {
				sip.bye(agent);
			}
			catch (Exception ex) {
				log.debug("BYE to the consulting agent of call {} failed: {}", call.id(), ex.toString());
			}
		}
		LegRef seatLeg = new LegRef(call, Leg.AGENT, b2bua);
		consult.dialog.setApplicationData(seatLeg);
		if (call.outLeg() == Leg.AGENT) {
			call.outTalking(consult.invite, consult.dialog);
		}
		else {
			call.inDialog = consult.dialog;
		}
		call.consult = null;
		consult.media.close();
		if (fromSeat != null) {
			lifecycle.on(new CallStep.SeatHandedOver(call.snapshot(), fromSeat));
		}
		active.assign(call, consult.seat);
		call.agentLegAnsweredAt = b2bua.now();
		lifecycle.on(new CallStep.Transferred(call.snapshot(), CallStep.Transferred.How.CONSULTED));
	}

	/** Go back: the consulted seat is hung up, the agent returns to the customer. */
	CallSnapshot cancel(long tenantId, String callId) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			Consult consult = call.consult;
			if (consult == null || consult.phase == Consult.Phase.COMPLETING || consult.phase == Consult.Phase.RETURNING) {
				throw new TransferRefused("consult-not-ready");
			}
			if (consult.phase == Consult.Phase.RINGING) {
				cancelInvite(consult);
				end(call, consult, "cancelled");
			}
			else {
				hangUpSeat(consult);
				returnAgent(call, consult);
			}
			return call.snapshot();
		}
	}

	/** The consulted seat hung up, did not answer, or could not be reached. */
	void seatGone(Call call, String why) {
		synchronized (call) {
			Consult consult = call.consult;
			if (consult == null) {
				return;
			}
			consult.dialog.setApplicationData(null);
			if (consult.phase == Consult.Phase.RINGING) {
				end(call, consult, why);
			}
			else if (consult.agentGone) {
				b2bua.hangUp(call, null, "consulted-hung-up");
			}
			else if (consult.phase == Consult.Phase.TALKING) {
				returnAgent(call, consult);
			}
		}
	}

	/** The agent hung up while consulting: the customer goes to the consulted seat (once it answers). */
	boolean agentHungUp(Call call) {
		synchronized (call) {
			Consult consult = call.consult;
			if (consult == null) {
				return false;
			}
			consult.agentGone = true;
			call.dialogOf(Leg.AGENT).setApplicationData(Transfers.LET_GO);
			if (consult.phase == Consult.Phase.TALKING) {
				complete(call, consult);
			}
			return true;
		}
	}

	private void returnAgent(Call call, Consult consult) {
		consult.phase = Consult.Phase.RETURNING;
		try {
			reinvite(call, call.dialogOf(Leg.AGENT), call.media.offerLike(Leg.AGENT, consult.agentSdp), answer -> {
				if (answer != null && answer.getStatusCode() < 300 && answer.getRawContent() != null) {
					call.relaySdp(Leg.AGENT, new String(answer.getRawContent(), StandardCharsets.UTF_8));
				}
				end(call, consult, null);
			});
		}
		catch (Exception ex) {
			log.warn("Moving the agent back to call {} failed", call.id(), ex);
			b2bua.hangUp(call, null, "error");
		}
	}

	/** The consultation is over without a transfer: the customer hears the agent again. {@code why} null: it was answered. */
	private void end(Call call, Consult consult, String why) {
		call.consult = null;
		consult.media.close();
		if (call.state() != CallState.ENDED) {
			call.media.stopPlaying();
		}
		CallSnapshot seatSide = call.snapshot().withSeat(consult.seat);
		if (call.state() != CallState.ENDED) {
			lifecycle.on(new CallStep.ConsultEnded(call.snapshot(), consult.seat));
		}
		if (why == null) {
			lifecycle.on(new CallStep.SeatConsulted(seatSide, consult.seat));
		}
		else if ("cancelled".equals(why)) {
			lifecycle.on(new CallStep.SeatReleased(seatSide, consult.seat));
		}
		else {
			lifecycle.on(new CallStep.SeatNotAnswered(seatSide, consult.seat, why));
		}
	}

	/** The sweeper's check: a consulted phone ringing past the ring timeout has not answered. */
	void check(Call call, Instant now) {
		synchronized (call) {
			Consult consult = call.consult;
			if (consult != null && consult.phase == Consult.Phase.RINGING && now.isAfter(consult.deadline)) {
				cancelInvite(consult);
				if (consult.agentGone) {
					b2bua.hangUp(call, null, "consulted-no-answer");
				}
				else {
					end(call, consult, "no-answer");
				}
			}
		}
	}

	/** The call ended while consulting: the consulted phone is cancelled or hung up, its relay session closed. */
	void endWith(Call call) {
		Consult consult = call.consult;
		if (consult == null) {
			return;
		}
		if (consult.phase == Consult.Phase.RINGING) {
			cancelInvite(consult);
		}
		else {
			hangUpSeat(consult);
		}
		call.consult = null;
		consult.media.close();
		lifecycle.on(new CallStep.SeatReleased(call.snapshot().withSeat(consult.seat), consult.seat));
	}

	private Call callOf(long tenantId, String callId) {
		Call call = active.get(callId);
		if (call == null || call.route().tenantId() != tenantId) {
			throw new TransferRefused("call-not-found");
		}
		return call;
	}

	private void cancelInvite(Consult consult) {
		if (!consult.provisional) {
			return;
		}
		sip.cancel(consult.invite, "a consultation");
	}

	private void hangUpSeat(Consult consult) {
		consult.dialog.setApplicationData(null);
		try {
			sip.bye(consult.dialog);
		}
		catch (Exception ex) {
			log.debug("BYE to a consulted seat failed: {}", ex.toString());
		}
	}

	/** A 200 from a consulted phone we no longer want (cancelled meanwhile): acknowledged and hung up. */
	private void stale(ResponseEvent event) {
		if (event.getResponse().getStatusCode() / 100 != 2 || event.getDialog() == null) {
			return;
		}
		sip.hangUpLate(event.getDialog(), event.getResponse(), "a late consulted phone");
	}

	private void reinvite(Call call, Dialog dialog, String sdp, Consumer<Response> done) throws Exception {
		OurReinvite.send(endpoint, call, dialog, sdp, done);
	}
}
