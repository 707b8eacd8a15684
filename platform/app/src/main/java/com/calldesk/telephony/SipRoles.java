package com.calldesk.telephony;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.SipServer;
import com.calldesk.sip.calls.B2bua;
import com.calldesk.sip.registrar.KeepAlive;

/**
 * What serves SIP on this node. Its parts need the server's endpoint, which exists only inside {@link
 * SipServer#start}, and the wiring needs them after the server started (the ACD, call control, the
 * sweeper): they are built when the endpoint is handed over, and asked for afterwards.
 */
final class SipRoles implements Function<SipEndpoint, Map<String, RequestHandler>> {

	private final Function<SipEndpoint, KeepAlive> keepAliveOn;

	private final Function<SipEndpoint, B2bua> b2buaOn;

	private final BiFunction<SipEndpoint, SipRoles, Map<String, RequestHandler>> handlersOn;

	private KeepAlive keepAlive;

	private B2bua b2bua;

	SipRoles(Function<SipEndpoint, KeepAlive> keepAliveOn, Function<SipEndpoint, B2bua> b2buaOn,
			BiFunction<SipEndpoint, SipRoles, Map<String, RequestHandler>> handlersOn) {
		this.keepAliveOn = keepAliveOn;
		this.b2buaOn = b2buaOn;
		this.handlersOn = handlersOn;
	}

	@Override
	public Map<String, RequestHandler> apply(SipEndpoint endpoint) {
		keepAlive = keepAliveOn.apply(endpoint);
		b2bua = b2buaOn.apply(endpoint);
		return handlersOn.apply(endpoint, this);
	}

	KeepAlive keepAlive() {
		return built(keepAlive);
	}

	B2bua b2bua() {
		return built(b2bua);
	}

	private static <T> T built(T part) {
		if (part == null) {
			throw new IllegalStateException("the SIP server has not handed over its endpoint yet");
		}
		return part;
	}
}
