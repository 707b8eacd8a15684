package com.calldesk.sip.calls;

import java.time.Clock;
import java.time.Instant;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;

/**
 * Keeps RFC 4028 session timers of answered calls, checked every second by the call sweeper: a leg
 * whose peer was to refresh and did not ends the call; where it is our turn, we refresh — UPDATE
 * without a body when the peer allows UPDATE, else a re-INVITE offering our last SDP again. A refresh
 * answered 408 or 481, or timing out, ends the call (§10); one refused otherwise is tried again
 * until a whole interval has passed without a success.
 */
final class SessionRefresh {

	private static final Logger log = LoggerFactory.getLogger(SessionRefresh.class);

	private final CallHangUp calls;

	private final Clock clock;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final SessionTimers timers;

	SessionRefresh(CallHangUp calls, SipEndpoint endpoint, SessionTimers timers, Clock clock) {
		this.calls = calls;
		this.clock = clock;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.timers = timers;
	}

	void check(Call call, Instant now) {
		for (Leg leg : Leg.values()) {
			String method = null;
			String end = null;
			synchronized (call) {
				LegSession session = call.session(leg);
				SessionTimer timer = session.timer;
				if (timer == null || call.state() != CallState.ANSWERED) {
					continue;
				}
				if (timer.expired(now)) {
					end = "session-expired";
				}
				else if (timer.lapsed(now)) {
					end = "session-refresh-failed";
				}
				else if (timer.refreshDue(now) && (session.allowsUpdate || !call.reinviting)) {
					timer.refreshing();
					method = session.allowsUpdate ? Request.UPDATE : Request.INVITE;
					call.reinviting |= Request.INVITE.equals(method);
				}
			}
			if (end != null) {
				log.info("Call {} ends: {} on the {} leg", call.id(), end, leg);
				calls.hangUp(call, null, end);
				return;
			}
			if (method != null) {
				send(call, leg, method);
			}
		}
	}

	private void send(Call call, Leg leg, String method) {
		try {
			Dialog dialog = call.dialogOf(leg);
			Request refresh = dialog.createRequest(method);
			refresh.addHeader(sip.contact());
			synchronized (call) {
				LegSession session = call.session(leg);
				timers.offer(refresh, session.timer, endpoint.headers());
				if (Request.INVITE.equals(method) && session.lastSdpSent != null) {
					refresh.setContent(session.lastSdpSent, endpoint.headers().createContentTypeHeader("application", "sdp"));
				}
			}
			ClientTransaction transaction = endpoint.provider().getNewClientTransaction(refresh);
			transaction.setApplicationData(new Refresh(call, leg, method));
			dialog.sendRequest(transaction);
		}
		catch (Exception ex) {
			log.debug("Session refresh of call {} could not be sent: {}", call.id(), ex.toString());
			deferred(call, leg, method);
		}
	}

	private static void deferred(Call call, Leg leg, String method) {
		synchronized (call) {
			SessionTimer timer = call.session(leg).timer;
			if (timer != null) {
				timer.refreshDeferred();
			}
			if (Request.INVITE.equals(method)) {
				call.reinviting = false;
			}
		}
	}

	/** Our refresh, waiting for the peer's answer. */
	private final class Refresh implements ClientListener {

		private final Call call;

		private final Leg leg;

		private final String method;

		Refresh(Call call, Leg leg, String method) {
			this.call = call;
			this.leg = leg;
			this.method = method;
		}

		@Override
		public void onResponse(ResponseEvent event) {
			Response response = event.getResponse();
			int status = response.getStatusCode();
			if (status < 200) {
				return;
			}
			if (status < 300) {
				try {
					if (Request.INVITE.equals(method)) {
						sip.ack(event.getDialog(), response);
					}
				}
				catch (Exception ex) {
					log.debug("ACK of a session refresh of call {} failed: {}", call.id(), ex.toString());
				}
				synchronized (call) {
					LegSession session = call.session(leg);
					SessionTimer agreed = timers.accepted(response, clock.instant());
					session.timer = agreed != null ? agreed
							: session.timer == null ? null : new SessionTimer(session.timer.interval(), true, clock.instant());
					if (Request.INVITE.equals(method)) {
						call.reinviting = false;
					}
				}
				return;
			}
			if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
				calls.hangUp(call, null, "session-refresh-failed");
				return;
			}
			deferred(call, leg, method);
		}

		@Override
		public void onTimeout(TimeoutEvent event) {
			calls.hangUp(call, null, "session-refresh-failed");
		}
	}
}
