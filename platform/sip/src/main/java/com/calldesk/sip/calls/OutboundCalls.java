package com.calldesk.sip.calls;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.SeatAccount;
import com.calldesk.sip.registrar.SeatAuthentication;

/**
 * A seat dialling out from its phone: digest-authenticated (407), routed by the tenant's rules,
 * sent through the tenant's gateway with a display number that has a free channel — the one in the
 * callee's region first (local presence). Anything else never reaches a trunk.
 */
final class OutboundCalls {

	private final B2bua b2bua;

	private final SeatAuthentication authentication;

	private final OutboundRouting routing;

	private final InternalCalls internal;

	private final PromptedRefusal refusals;

	OutboundCalls(B2bua b2bua, SeatAuthentication authentication, OutboundRouting routing, InternalCalls internal) {
		this.internal = internal;
		this.b2bua = b2bua;
		this.authentication = authentication;
		this.routing = routing;
		this.refusals = new PromptedRefusal(b2bua);
	}

	void dial(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request invite = event.getRequest();
		SipEndpoint endpoint = b2bua.endpoint();
		Optional<SeatAccount> seat = authentication.authenticate(transaction, invite, true, false);
		if (seat.isEmpty()) {
			return;
		}
		String dialled = invite.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
		Optional<String> colleague = internal.colleague(seat.get(), dialled);
		if (colleague.isPresent()) {
			internal.dial(transaction, seat.get(), colleague.get(), dialled);
			return;
		}
		OutboundRouting.Decision decision = dialled == null ? new OutboundRouting.Refused(Response.NOT_FOUND, "no-number")
				: routing.route(seat.get().tenantId(), dialled);
		if (decision instanceof OutboundRouting.Refused refused) {
			endpoint.respond(transaction, invite, refused.status());
			return;
		}
		if (decision instanceof OutboundRouting.RefusedWithPrompt refused) {
			refusals.refuse(transaction, seat.get(), dialled, refused);
			return;
		}
		if (b2bua.refusedTooShortSession(transaction, invite)) {
			return;
		}
		OutboundRouting.Route route = (OutboundRouting.Route) decision;
		String id = java.util.UUID.randomUUID().toString();
		Optional<OutboundAttempt> taken = OutboundAttempt.take(b2bua.channels(), route, id);
		if (taken.isEmpty()) {
			endpoint.respond(transaction, invite, Response.BUSY_HERE);
			return;
		}
		OutboundAttempt attempt = taken.get();
		CallRoute callRoute = CallRoute.outbound(seat.get().tenantId(), seat.get().tenantCode(), route, attempt.display());
		Call call = b2bua.admit(transaction, id, callRoute, route.customerNumber(), dialled);
		call.outbound = attempt;
		if (!b2bua.assign(call, seat.get().username())) {
			return;
		}
		String sdp = b2bua.openMedia(call);
		if (sdp != null) {
			b2bua.sendOut(call, GatewayInvite.build(endpoint, call, route, attempt.display(), sdp));
		}
	}
}
