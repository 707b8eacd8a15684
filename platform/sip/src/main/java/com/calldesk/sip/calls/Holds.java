package com.calldesk.sip.calls;

import java.util.List;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Hold and resume from the desktop, and the answer hint. Hold plays music to the customer on the
 * call's relay session and leaves both SIP dialogs as they are: no re-INVITE reaches the customer's
 * carrier (many trunks mishandle sendonly) nor the agent's phone, which stays in the call and hears
 * silence. A transfer or consult takes the customer's media over and clears the hold.
 * The answer hint is the out-of-dialog {@code NOTIFY Event: talk} that Yealink, Fanvil and Polycom
 * desk phones take as "pick up"; a phone that does not know it answers 489 and simply keeps ringing.
 */
public final class Holds {

	private static final Logger log = LoggerFactory.getLogger(Holds.class);

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final ActiveCalls active;

	private final Locations locations;

	Holds(B2bua b2bua, SipEndpoint endpoint, ActiveCalls active, Locations locations, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.active = active;
		this.locations = locations;
	}

	/** Puts an answered call's customer on hold; idempotent. @throws TransferRefused when the call is not in a state for it */
	public CallSnapshot hold(long tenantId, String callId) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			requireTalking(call);
			if (!call.held) {
				call.held = true;
				call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
				lifecycle.on(new CallStep.Held(call.snapshot()));
			}
			return call.snapshot();
		}
	}

	/** Takes the customer off hold. @throws TransferRefused when the call is not held */
	public CallSnapshot resume(long tenantId, String callId) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			requireTalking(call);
			if (!call.held) {
				throw new TransferRefused("not-held");
			}
			call.held = false;
			call.media.stopPlaying();
			lifecycle.on(new CallStep.Resumed(call.snapshot()));
			return call.snapshot();
		}
	}

	/** Asks the seat's phone ringing for the call to pick up. @throws TransferRefused when it does not ring for it */
	public CallSnapshot answerHint(long tenantId, String callId, String seat) {
		Call call = callOf(tenantId, callId);
		synchronized (call) {
			boolean rings = call.forks != null ? call.forks.seats.containsValue(seat)
					: seat.equals(call.seat()) && call.state() != CallState.ANSWERED && call.outRinging() && !call.forwarding;
			if (!rings) {
				throw new TransferRefused("not-ringing");
			}
			Optional<Binding> phone = locations.of(seat).stream().findFirst();
			if (phone.isEmpty()) {
				throw new TransferRefused("agent-offline");
			}
			sendTalk(call, seat, phone.get().target());
			return call.snapshot();
		}
	}

	private static void requireTalking(Call call) {
		if (call.state() != CallState.ANSWERED || call.dialogOf(Leg.AGENT) == null) {
			throw new TransferRefused("not-answered");
		}
		if (call.transfer != null || call.consult != null || call.rejoining) {
			throw new TransferRefused("transfer-in-progress");
		}
	}

	private void sendTalk(Call call, String seat, String target) {
		try {
			var h = endpoint.headers();
			var a = endpoint.addresses();
			SipURI uri = (SipURI) a.createURI(target);
			String transport = uri.getTransportParam() == null ? "udp" : uri.getTransportParam();
			Request notify = endpoint.messages().createRequest(uri, Request.NOTIFY, endpoint.provider().getNewCallId(),
					h.createCSeqHeader(1L, Request.NOTIFY), h.createFromHeader(a.createAddress("sip:calldesk@" + endpoint.host()), endpoint.newTag()),
					h.createToHeader(a.createAddress("sip:" + seat + "@" + endpoint.host()), null),
					List.of(h.createViaHeader(endpoint.host(), endpoint.port(), transport, null)), h.createMaxForwardsHeader(70));
			notify.addHeader(h.createEventHeader("talk"));
			notify.addHeader(h.createSubscriptionStateHeader("active"));
			notify.addHeader(h.createHeader("X-CallDesk-Call", call.id()));
			ClientTransaction transaction = endpoint.provider().getNewClientTransaction(notify);
			transaction.setApplicationData(new ClientListener() {

				@Override
				public void onResponse(ResponseEvent event) {
					int status = event.getResponse().getStatusCode();
					if (status >= 300) {
						log.info("Phone of seat {} refused the answer hint for call {}: {}", seat, call.id(), status);
					}
				}

				@Override
				public void onTimeout(TimeoutEvent event) {
					log.info("Phone of seat {} did not answer the answer hint for call {}", seat, call.id());
				}
			});
			transaction.sendRequest();
		}
		catch (Exception ex) {
			log.warn("Answer hint to seat {} for call {} failed", seat, call.id(), ex);
			throw new TransferRefused("error");
		}
	}

	private Call callOf(long tenantId, String callId) {
		Call call = active.get(callId);
		if (call == null || call.route().tenantId() != tenantId) {
			throw new TransferRefused("call-not-found");
		}
		return call;
	}
}
