package com.calldesk.sip.calls;

import java.util.List;

import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

import com.calldesk.sip.SipEndpoint;

/**
 * The INVITE to a trunk gateway: the callee as the gateway wants it dialled, and the display number
 * as caller in From and in P-Asserted-Identity (what carriers show and bill by).
 */
final class GatewayInvite {

	private GatewayInvite() {
	}

	static Request build(SipEndpoint endpoint, Call call, OutboundRouting.Route route, OutboundRouting.DisplayNumberChoice display,
			String sdp) throws Exception {
		var h = endpoint.headers();
		var a = endpoint.addresses();
		SipURI target = a.createSipURI(route.calledNumber(), route.gatewayHost());
		target.setPort(route.gatewayPort());
		if (!"UDP".equalsIgnoreCase(route.transport())) {
			target.setTransportParam(route.transport().toLowerCase());
		}
		Address caller = a.createAddress(a.createSipURI(display.asDialled(), endpoint.host()));
		Request invite = endpoint.messages().createRequest(target, Request.INVITE, endpoint.provider().getNewCallId(),
				h.createCSeqHeader(1L, Request.INVITE), h.createFromHeader(caller, endpoint.newTag()),
				h.createToHeader(a.createAddress(a.createSipURI(route.calledNumber(), route.gatewayHost())), null),
				List.of(h.createViaHeader(endpoint.host(), endpoint.port(), route.transport().toLowerCase(), null)),
				h.createMaxForwardsHeader(70));
		invite.addHeader(h.createHeader("P-Asserted-Identity", "<sip:" + display.asDialled() + "@" + endpoint.host() + ">"));
		SipURI contact = a.createSipURI("calldesk", endpoint.host());
		contact.setPort(endpoint.port());
		invite.addHeader(h.createContactHeader(a.createAddress(contact)));
		invite.addHeader(h.createHeader("X-CallDesk-Call", call.id()));
		invite.setContent(sdp, h.createContentTypeHeader("application", "sdp"));
		return invite;
	}
}
