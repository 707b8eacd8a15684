package com.calldesk.sip.calls;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;

/**
 * Forward to mobile (F14): an overflowing inbound call goes on to a number through the tenant's
 * gateway, showing one of its display numbers, exactly as a seat's outbound leg would (the same
 * routing, channel caps, digest and display-number retries), so it is billed as one. The call keeps
 * its trunk number's channel until it ends.
 */
final class Forwards {

	private static final Logger log = LoggerFactory.getLogger(Forwards.class);

	/** How long a mobile may ring: longer than a desk phone, since it may be in a pocket. */
	static final Duration RING_TIMEOUT = Duration.ofSeconds(40);

	private final B2bua b2bua;

	private final SipEndpoint endpoint;

	private final OutboundRouting routing;

	Forwards(B2bua b2bua, SipEndpoint endpoint, OutboundRouting routing) {
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.routing = routing;
	}

	/**
	 * Called under the call's lock. False, with nothing held, when the forward cannot be had (no route,
	 * refused — say for an exhausted balance — or no free channel): the caller then hears the message.
	 */
	boolean forward(Call call, CallDistribution.Overflow overflow, CallDistribution.Forward forward) {
		OutboundRouting.Decision decision = routing.route(call.route().tenantId(), forward.number());
		if (!(decision instanceof OutboundRouting.Route route)) {
			log.info("Call {} not forwarded to {}: {}", call.id(), forward.number(), decision);
			return false;
		}
		Optional<OutboundAttempt> taken = OutboundAttempt.take(b2bua.channels(), route, call.id());
		if (taken.isEmpty()) {
			log.info("Call {} not forwarded to {}: no free channel", call.id(), forward.number());
			return false;
		}
		OutboundAttempt attempt = taken.get();
		try {
			String sdp = call.inAnswered ? call.media.offerTo(Leg.AGENT) : call.agentOffer;
			call.reroute(call.route().through(route, attempt.display()));
			call.outbound = attempt;
			call.forwarding = true;
			call.forwardedTo(route.customerNumber());
			call.forwardFailedPrompt = overflow.prompt();
			call.waiting = false;
			call.outRingingTold = false;
			call.ringDeadline = b2bua.now().plus(RING_TIMEOUT);
			b2bua.sendOut(call, GatewayInvite.build(endpoint, call, route, attempt.display(), sdp));
			return true;
		}
		catch (Exception ex) {
			log.warn("Forwarding call {} to {} failed", call.id(), forward.number(), ex);
			b2bua.channels().release(route.gatewayChannelKey(), call.id());
			b2bua.channels().release(attempt.display().channelKey(), call.id());
			call.forwarding = false;
			return false;
		}
	}
}
