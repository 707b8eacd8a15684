package com.calldesk.sip;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/** OPTIONS: the capability and liveness probe that phones, trunks and monitors send. */
public final class OptionsHandler implements RequestHandler {

	private final SipEndpoint endpoint;

	private final String allow;

	public OptionsHandler(SipEndpoint endpoint, String allow) {
		this.endpoint = endpoint;
		this.allow = allow;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		endpoint.respond(transaction, event.getRequest(), Response.OK, response -> {
			response.addHeader(endpoint.headers().createAllowHeader(allow));
			response.addHeader(endpoint.headers().createAcceptHeader("application", "sdp"));
		});
	}
}
