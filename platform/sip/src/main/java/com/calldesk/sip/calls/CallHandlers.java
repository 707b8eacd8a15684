package com.calldesk.sip.calls;

import java.util.Map;

import javax.sip.header.ToHeader;
import javax.sip.message.Request;

import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.SeatAuthentication;

/** The method handlers of the B2BUA, one small lambda each, for the dispatcher's table. */
public final class CallHandlers {

	private CallHandlers() {
	}

	public static Map<String, RequestHandler> of(SipEndpoint endpoint, B2bua b2bua, SeatAuthentication seats, OutboundRouting routing) {
		InDialogRelay relay = new InDialogRelay(endpoint, b2bua);
		OutboundCalls outbound = new OutboundCalls(b2bua, seats, routing, b2bua.internalCalls(seats));
		Refers refers = new Refers(endpoint, b2bua, seats);
		return Map.of(
				Request.INVITE, (event, transaction) -> {
					String toTag = ((ToHeader) event.getRequest().getHeader(ToHeader.NAME)).getTag();
					if (toTag == null && b2bua.fromTrunk(event.getRequest()) && !seats.claimsSeat(event.getRequest())) {
						b2bua.inbound(event, transaction);
					}
					else if (toTag == null) {
						outbound.dial(event, transaction);
					}
					else {
						relay.reinvite(event, transaction);
					}
				},
				Request.INFO, relay::info,
				Request.REFER, refers::refer,
				Request.UPDATE, relay::update,
				Request.ACK, (event, transaction) -> b2bua.acked(event),
				Request.BYE, b2bua::bye,
				Request.CANCEL, b2bua::cancel);
	}
}
