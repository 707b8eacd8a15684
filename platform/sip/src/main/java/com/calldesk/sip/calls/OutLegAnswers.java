package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;

/**
 * Answers to the INVITE we sent out, relayed to the side that came in: provisionals (the screen pop of
 * the seat that rings), the 200 that answers the call or bridges a waiting one, refusals that try the
 * next seat or another display number, and stale answers of legs the call has moved on from. The stack
 * may hand a 180 and the 200 behind it to two threads at once; holding the call's lock keeps them in order.
 */
final class OutLegAnswers {

	private static final Logger log = LoggerFactory.getLogger(OutLegAnswers.class);

	private final B2bua b2bua;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final SessionTimers timers;

	private final CallLifecycle lifecycle;

	private final Clock clock;

	OutLegAnswers(B2bua b2bua, SipEndpoint endpoint, SessionTimers timers, CallLifecycle lifecycle, Clock clock) {
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.timers = timers;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/**
	 * An answer to the INVITE we sent out. The stack may hand a 180 and the 200 behind it to two
	 * threads at once; holding the call's lock while relaying keeps them in order.
	 */
	void answered(Call call, ResponseEvent event) {
		synchronized (call) {
			if (event.getClientTransaction() != null && event.getClientTransaction() != call.outInvite()) {
				staleAnswer(call, event);
				return;
			}
			relayOutAnswer(call, event);
		}
	}

	/**
	 * An answer on an out leg the call has moved on from (a phone that answers just as it was
	 * cancelled for the next seat): a leg retired before it rang is cancelled at its first provisional,
	 * a 200 is acknowledged and hung up at once, anything else ignored.
	 */
	private void staleAnswer(Call call, ResponseEvent event) {
		int status = event.getResponse().getStatusCode();
		if (status > 100 && status < 200 && call.cancelOnProvisional.remove(event.getClientTransaction())) {
			sip.cancel(event.getClientTransaction(), "a retired leg of call " + call.id());
			return;
		}
		if (status / 100 != 2 || event.getDialog() == null) {
			return;
		}
		sip.hangUpLate(event.getDialog(), event.getResponse(), "a late answer on call " + call.id());
	}

	private void relayOutAnswer(Call call, ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		try {
			if (status < 200) {
				provisional(call, response);
			}
			else if (status < 300) {
				accepted(call, event);
			}
			else if (call.state() != CallState.ENDED && !b2bua.retries().retried(call, event)) {
				boolean busy = SipIdioms.busy(status);
				if (call.inbound()) {
					b2bua.inboundCalls().notAnswered(call, SipIdioms.refusal(status), false);
					return;
				}
				String who = call.outLeg() == Leg.AGENT ? "agent" : "customer";
				b2bua.failIn(call, busy ? Response.BUSY_HERE : call.inbound() ? Response.TEMPORARILY_UNAVAILABLE : toPhone(status),
						who + "-" + SipIdioms.refusal(status));
			}
		}
		catch (Exception ex) {
			log.warn("Relaying {} on call {} failed", status, call.id(), ex);
			b2bua.hangUp(call, call.outLeg(), "error");
		}
	}

	private void provisional(Call call, Response response) throws Exception {
		if (response.getStatusCode() == Response.TRYING || call.state() == CallState.ANSWERED) {
			return;
		}
		call.outRang();
		if (call.cancelWhenProvisional || call.state() == CallState.ENDED) {
			b2bua.cancelOut(call);
			return;
		}
		ringingTold(call);
		if (call.inAnswered) {
			// the relay learns where early media (the carrier's ringback) comes from; it reaches the other side at once
			if (response.getRawContent() != null && response.getRawContent().length > 0) {
				call.relaySdp(call.outLeg(), new String(response.getRawContent(), StandardCharsets.UTF_8));
			}
			return;
		}
		Response relayed = endpoint.messages().createResponse(response.getStatusCode(), call.inRequest);
		toIn(call, relayed, response.getRawContent());
		call.inInvite.sendResponse(relayed);
	}

	private void accepted(Call call, ResponseEvent event) throws Exception {
		Dialog dialog = event.getDialog() != null ? event.getDialog() : call.outDialog();
		sip.ack(dialog, event.getResponse());
		if (call.state() == CallState.ENDED) {
			sip.bye(dialog);
			return;
		}
		// a phone that answered has rung, even if its 180 is overtaken by the 200 on another stack thread
		ringingTold(call);
		if (call.inAnswered) {
			agentTookWaitingCall(call, event);
			return;
		}
		if (!call.answered()) {
			return;
		}
		Response ok = endpoint.messages().createResponse(Response.OK, call.inRequest);
		toIn(call, ok, event.getResponse().getRawContent());
		synchronized (call) {
			LegSession out = call.session(call.outLeg());
			out.timer = timers.accepted(event.getResponse(), clock.instant());
			out.allowsUpdate = SessionTimers.allowsUpdate(event.getResponse());
			LegSession in = call.session(call.inLeg());
			in.timer = timers.answer(call.inRequest, ok, endpoint.headers(), clock.instant());
			in.lastSdpSent = ok.getRawContent() == null ? null : new String(ok.getRawContent(), StandardCharsets.UTF_8);
		}
		call.inInvite.sendResponse(ok);
		lifecycle.on(new CallStep.Answered(call.snapshot()));
	}

	/** Each out leg's first sign of ringing is told once (the screen pop of the seat it rings). */
	private void ringingTold(Call call) {
		if (call.outRingingTold) {
			return;
		}
		call.outRingingTold = true;
		call.ringing();
		lifecycle.on(new CallStep.Ringing(call.snapshot()));
	}

	/**
	 * The out leg answered a call whose in leg CallDesk had already answered (a waiting customer and the
	 * agent who takes them; a click-to-call's customer): the hold music stops and the relay bridges them.
	 */
	private void agentTookWaitingCall(Call call, ResponseEvent event) {
		byte[] sdp = event.getResponse().getRawContent();
		if (sdp != null && sdp.length > 0) {
			call.relaySdp(call.outLeg(), new String(sdp, StandardCharsets.UTF_8));
		}
		boolean rejoined = call.rejoining;
		if (!call.answered() && !rejoined) {
			return;
		}
		call.rejoining = false;
		call.media.stopPlaying();
		LegSession out = call.session(call.outLeg());
		out.timer = timers.accepted(event.getResponse(), clock.instant());
		out.allowsUpdate = SessionTimers.allowsUpdate(event.getResponse());
		if (rejoined) {
			call.agentLegAnsweredAt = clock.instant();
			lifecycle.on(new CallStep.Transferred(call.snapshot(), CallStep.Transferred.How.REQUEUED));
		}
		else {
			lifecycle.on(new CallStep.Answered(call.snapshot()));
		}
	}

	/**
	 * A gateway's refusal as the seat's phone should see it: a challenge we could not answer must not
	 * reach the phone as one (it would offer its own seat password), nor a 422 meant for us.
	 */
	private static int toPhone(int gatewayStatus) {
		return switch (gatewayStatus) {
			case Response.UNAUTHORIZED, Response.PROXY_AUTHENTICATION_REQUIRED -> Response.FORBIDDEN;
			case B2bua.SESSION_INTERVAL_TOO_SMALL -> Response.SERVER_INTERNAL_ERROR;
			default -> gatewayStatus;
		};
	}

	private void toIn(Call call, Response response, byte[] sdp) throws Exception {
		B2bua.tagged(call, response);
		response.addHeader(sip.contact());
		if (sdp != null && sdp.length > 0) {
			response.setContent(call.relaySdp(call.outLeg(), new String(sdp, StandardCharsets.UTF_8)),
					endpoint.headers().createContentTypeHeader("application", "sdp"));
		}
	}
}
