package com.calldesk.sip.calls;

import java.util.List;

import javax.sip.address.SipURI;
import javax.sip.message.Request;

import com.calldesk.sip.SipEndpoint;

/** Builds the INVITE to the agent's phone: our own Call-ID, the customer's number as caller, the relay's SDP. */
final class AgentInvite {

	private AgentInvite() {
	}

	static Request build(SipEndpoint endpoint, Call call, String seat, String target, String sdp) throws Exception {
		return build(endpoint, call, seat, target, sdp, call.snapshot().customerNumber());
	}

	/** As {@link #build(SipEndpoint, Call, String, String, String)}, showing {@code caller} (a colleague's seat on an internal call). */
	static Request build(SipEndpoint endpoint, Call call, String seat, String target, String sdp, String caller) throws Exception {
		var h = endpoint.headers();
		var a = endpoint.addresses();
		SipURI uri = (SipURI) a.createURI(target);
		String transport = uri.getTransportParam() == null ? "udp" : uri.getTransportParam();
		var from = a.createAddress("sip:" + (caller == null || caller.isBlank() ? "anonymous" : caller) + "@" + endpoint.host());
		if (caller != null && !caller.isBlank()) {
			from.setDisplayName(caller);
		}
		Request invite = endpoint.messages().createRequest(uri, Request.INVITE, endpoint.provider().getNewCallId(),
				h.createCSeqHeader(1L, Request.INVITE), h.createFromHeader(from, endpoint.newTag()),
				h.createToHeader(a.createAddress("sip:" + seat + "@" + endpoint.host()), null),
				List.of(h.createViaHeader(endpoint.host(), endpoint.port(), transport, null)), h.createMaxForwardsHeader(70));
		SipURI contact = a.createSipURI("calldesk", endpoint.host());
		contact.setPort(endpoint.port());
		if (!"udp".equalsIgnoreCase(transport)) {
			contact.setTransportParam(transport);
		}
		invite.addHeader(h.createContactHeader(a.createAddress(contact)));
		invite.addHeader(h.createHeader("X-CallDesk-Call", call.id()));
		invite.setContent(sdp, h.createContentTypeHeader("application", "sdp"));
		return invite;
	}
}
