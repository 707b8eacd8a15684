package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Click-to-call (F9) as third-party call control: CallDesk rings the agent's phone with the relay's
 * offer and a hint to answer by itself; when the phone answers, its answer becomes the offer to the
 * customer, sent through the tenant's gateway exactly like a seat's own call (display number by
 * region, channel caps, digest, display-number retries). From then on the call is an outbound call
 * whose agent leg CallDesk already answered.
 */
final class ClickToCalls {

	private static final Logger log = LoggerFactory.getLogger(ClickToCalls.class);

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final Locations locations;

	private final OutboundRouting routing;

	private final ActiveCalls active;

	private final MediaAnchor media;

	private final String node;

	private final Clock clock;

	ClickToCalls(B2bua b2bua, SipEndpoint endpoint, Locations locations, OutboundRouting routing, ActiveCalls active, MediaAnchor media,
			String node, Clock clock, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.locations = locations;
		this.routing = routing;
		this.active = active;
		this.media = media;
		this.node = node;
		this.clock = clock;
	}

	String start(ClickToCall request) {
		Binding phone = locations.of(request.seat()).stream().findFirst().orElseThrow(() -> new ClickToCallRefused("phone-offline"));
		if (active.onCall(request.seat())) {
			throw new ClickToCallRefused("seat-busy");
		}
		OutboundRouting.Decision decision = routing.route(request.tenantId(), request.number());
		if (decision instanceof OutboundRouting.Refused refused) {
			throw new ClickToCallRefused(refused.reason());
		}
		OutboundRouting.Route route = picked((OutboundRouting.Route) decision, request.displayNumberId());
		String id = UUID.randomUUID().toString();
		OutboundAttempt attempt = OutboundAttempt.take(b2bua.channels(), route, id)
			.orElseThrow(() -> new ClickToCallRefused("no-free-channel"));
		Call call = new Call(id, CallRoute.outbound(request.tenantId(), request.tenantCode(), route, attempt.display()), route.customerNumber(),
				request.number(), node, clock);
		call.outbound = attempt;
		active.add(call);
		active.assign(call, request.seat());
		lifecycle.on(new CallStep.Offered(call.snapshot()));
		synchronized (call) {
			try {
				call.media = media.open(id, request.tenantCode());
				ringAgent(call, phone, call.media.offerTo(Leg.AGENT));
			}
			catch (Exception ex) {
				log.warn("Click-to-call {} could not ring seat {}", id, request.seat(), ex);
				b2bua.finish(call, null, "media-unavailable", 0);
				throw new ClickToCallRefused("media-unavailable");
			}
		}
		return id;
	}

	/** The agent's pick of display number goes first; the others stay as fall-backs should the gateway refuse it. */
	private static OutboundRouting.Route picked(OutboundRouting.Route route, Long displayNumberId) {
		if (displayNumberId == null) {
			return route;
		}
		Optional<OutboundRouting.DisplayNumberChoice> chosen = route.displayNumbers().stream().filter(d -> d.id() == displayNumberId).findFirst();
		if (chosen.isEmpty()) {
			throw new ClickToCallRefused("display-number-unknown");
		}
		List<OutboundRouting.DisplayNumberChoice> ordered = new java.util.ArrayList<>(List.of(chosen.get()));
		route.displayNumbers().stream().filter(d -> d.id() != displayNumberId).forEach(ordered::add);
		return new OutboundRouting.Route(route.customerNumber(), route.calledNumber(), route.gatewayHost(), route.gatewayPort(), route.transport(),
				route.gatewayId(), route.gatewayChannels(), List.copyOf(ordered), route.username(), route.password());
	}

	private void ringAgent(Call call, Binding phone, String offer) throws Exception {
		Request invite = AgentInvite.build(endpoint, call, call.seat(), phone.target(), offer);
		// what desk phones and softphones (Yealink, Fanvil, MicroSIP, baresip) take as "answer at once"
		invite.addHeader(endpoint.headers().createHeader("Call-Info", "<sip:" + endpoint.host() + ">;answer-after=0"));
		invite.addHeader(endpoint.headers().createHeader("Alert-Info", "<http://127.0.0.1/auto>;info=alert-autoanswer;delay=0"));
		ClientTransaction transaction = endpoint.provider().getNewClientTransaction(invite);
		LegRef agent = new LegRef(call, Leg.AGENT, b2bua);
		transaction.setApplicationData(agent);
		Dialog dialog = endpoint.provider().getNewDialog(transaction);
		dialog.setApplicationData(agent);
		call.agentInvite = transaction;
		call.inDialog = dialog;
		transaction.sendRequest();
	}

	/** The agent's phone answered our INVITE (or refused it): on to the customer, or the end. */
	void agentAnswered(Call call, ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		synchronized (call) {
			try {
				if (status < 200) {
					return;
				}
				if (status >= 300) {
					if (!call.inAnswered) {
						b2bua.hangUp(call, Leg.AGENT, "agent-" + SipIdioms.refusal(status));
					}
					return;
				}
				Dialog dialog = event.getDialog() != null ? event.getDialog() : call.inDialog;
				sip.ack(dialog, response);
				if (call.inAnswered) {
					return;
				}
				if (call.state() == CallState.ENDED) {
					sip.bye(dialog);
					return;
				}
				call.inDialog = dialog;
				call.inAnswered = true;
				call.agentInvite = null;
				LegSession agent = call.session(Leg.AGENT);
				agent.timer = b2bua.timers().accepted(response, clock.instant());
				agent.allowsUpdate = SessionTimers.allowsUpdate(response);
				byte[] sdp = response.getRawContent();
				if (sdp == null || sdp.length == 0) {
					b2bua.hangUp(call, null, "no-sdp-answer");
					return;
				}
				String toCustomer = call.relaySdp(Leg.AGENT, new String(sdp, StandardCharsets.UTF_8));
				b2bua.sendOut(call, GatewayInvite.build(endpoint, call, call.outbound.route(), call.outbound.display(), toCustomer));
			}
			catch (UnsupportedMediaException ex) {
				b2bua.hangUp(call, null, "no-codec");
			}
			catch (Exception ex) {
				log.warn("Click-to-call {} failed after the agent answered", call.id(), ex);
				b2bua.hangUp(call, null, "error");
			}
		}
	}

	/** The call ends before the agent's phone answered: our INVITE is cancelled (a late 200 is hung up on arrival). */
	void cancelAgent(Call call) {
		ClientTransaction invite = call.agentInvite;
		if (invite == null) {
			return;
		}
		sip.cancel(invite, "the agent leg of click-to-call " + call.id());
	}
}
