package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;

/**
 * Requests inside an answered call, carried to the other side: re-INVITE and UPDATE with SDP (hold,
 * unhold, codec change) through the media anchor, and INFO (DTMF of phones that send it by SIP).
 * One offer per call at a time: a second one meanwhile gets 491 at once, so glare can never leave a
 * transaction waiting forever. Each answered refresh renews the session timer of its leg; an UPDATE
 * without SDP is only a refresh and is answered here.
 */
final class InDialogRelay {

	private static final Logger log = LoggerFactory.getLogger(InDialogRelay.class);

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final B2bua b2bua;

	InDialogRelay(SipEndpoint endpoint, B2bua b2bua) {
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.b2bua = b2bua;
	}

	void update(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		if (request.getRawContent() != null) {
			reinvite(event, transaction);
			return;
		}
		LegRef ref = takenOn(event, transaction);
		if (ref != null) {
			endpoint.respond(transaction, request, Response.OK, response -> renewed(ref.call(), ref.leg(), request, response));
		}
	}

	void reinvite(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		LegRef ref = takenOn(event, transaction);
		if (ref == null) {
			return;
		}
		Call call = ref.call();
		if (call.state() != CallState.ANSWERED || request.getRawContent() == null) {
			endpoint.respond(transaction, request, call.state() == CallState.ANSWERED ? Response.NOT_ACCEPTABLE_HERE
					: Response.REQUEST_PENDING);
			return;
		}
		synchronized (call) {
			if (call.reinviting || call.transfer != null || call.consult != null || call.rejoining || call.dialogOf(ref.leg().other()) == null) {
				endpoint.respond(transaction, request, Response.REQUEST_PENDING);
				return;
			}
			call.reinviting = true;
		}
		try {
			String sdp = new String(request.getRawContent(), StandardCharsets.UTF_8);
			Dialog other = call.dialogOf(ref.leg().other());
			Request relayed = other.createRequest(Request.INVITE);
			relayed.addHeader(sip.contact());
			String offer = call.relaySdp(ref.leg(), sdp);
			relayed.setContent(offer, endpoint.headers().createContentTypeHeader("application", "sdp"));
			synchronized (call) {
				LegSession otherSession = call.session(ref.leg().other());
				otherSession.lastSdpSent = offer;
				if (otherSession.timer != null) {
					b2bua.timers().offer(relayed, otherSession.timer, endpoint.headers());
				}
			}
			ClientTransaction out = endpoint.provider().getNewClientTransaction(relayed);
			out.setApplicationData(new Pending(call, ref.leg(), transaction));
			other.sendRequest(out);
		}
		catch (UnsupportedMediaException ex) {
			done(call);
			endpoint.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE);
		}
		catch (Exception ex) {
			done(call);
			throw ex;
		}
	}

	/** The leg a request came in on, or null once it has been answered 481 (no such call) or 422 (session too short). */
	private LegRef takenOn(RequestEvent event, ServerTransaction transaction) throws Exception {
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)) {
			endpoint.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return null;
		}
		return b2bua.refusedTooShortSession(transaction, event.getRequest()) ? null : ref;
	}

	void info(RequestEvent event, ServerTransaction transaction) throws Exception {
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)
				|| ref.call().state() != CallState.ANSWERED) {
			endpoint.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		Dialog other = ref.call().dialogOf(ref.leg().other());
		Request info = other.createRequest(Request.INFO);
		if (event.getRequest().getRawContent() != null) {
			info.setContent(event.getRequest().getRawContent(), (javax.sip.header.ContentTypeHeader) event.getRequest()
				.getHeader(javax.sip.header.ContentTypeHeader.NAME));
		}
		other.sendRequest(endpoint.provider().getNewClientTransaction(info));
	}

	private static void done(Call call) {
		synchronized (call) {
			call.reinviting = false;
		}
	}

	/** Our 2xx to the peer's refresh (re-INVITE or UPDATE) renews that leg's session timer, and says how. */
	private void renewed(Call call, Leg leg, Request request, Response response) throws java.text.ParseException {
		synchronized (call) {
			LegSession session = call.session(leg);
			session.timer = b2bua.timers().answer(request, response, endpoint.headers(), b2bua.now());
			if (response.getRawContent() != null) {
				session.lastSdpSent = new String(response.getRawContent(), StandardCharsets.UTF_8);
			}
		}
	}

	/** A relayed re-INVITE waiting for the other side's answer. */
	private final class Pending implements ClientListener {

		private final Call call;

		private final Leg from;

		private final ServerTransaction original;

		Pending(Call call, Leg from, ServerTransaction original) {
			this.call = call;
			this.from = from;
			this.original = original;
		}

		@Override
		public void onResponse(ResponseEvent event) {
			Response answer = event.getResponse();
			if (answer.getStatusCode() < 200) {
				return;
			}
			try {
				Response back = endpoint.messages().createResponse(answer.getStatusCode(), original.getRequest());
				if (answer.getStatusCode() < 300) {
					sip.ack(event.getDialog(), answer);
					back.addHeader(sip.contact());
					if (answer.getRawContent() != null) {
						String sdp = new String(answer.getRawContent(), StandardCharsets.UTF_8);
						back.setContent(call.relaySdp(from.other(), sdp), endpoint.headers().createContentTypeHeader("application", "sdp"));
					}
					synchronized (call) {
						LegSession other = call.session(from.other());
						if (other.timer != null) {
							SessionTimer agreed = b2bua.timers().accepted(answer, b2bua.now());
							other.timer = agreed != null ? agreed : new SessionTimer(other.timer.interval(), other.timer.weRefresh(), b2bua.now());
						}
					}
					renewed(call, from, original.getRequest(), back);
				}
				original.sendResponse(back);
			}
			catch (Exception ex) {
				log.warn("Relaying the answer to a re-INVITE of call {} failed", call.id(), ex);
			}
			finally {
				done(call);
			}
		}

		@Override
		public void onTimeout(TimeoutEvent event) {
			try {
				endpoint.respond(original, original.getRequest(), Response.REQUEST_TIMEOUT);
			}
			catch (Exception ex) {
				log.debug("Could not answer a timed-out re-INVITE of call {}", call.id(), ex);
			}
			finally {
				done(call);
			}
		}
	}
}
