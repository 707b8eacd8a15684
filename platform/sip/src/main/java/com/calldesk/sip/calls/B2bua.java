package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.state.ChannelCounter;

/**
 * Inbound calls: trunk leg in, agent leg out, answers relayed back, either side may end it. Every
 * end path goes through {@link #finish}, which acts once per call: the channel is released, media
 * closed and the observer told, whatever ended the call first.
 */
public final class B2bua {

	private static final Logger log = LoggerFactory.getLogger(B2bua.class);

	private final SipEndpoint endpoint;

	private final TrunkDirectory trunks;

	private final SeatPicker seats;

	private final Locations locations;

	private final ChannelCounter channels;

	private final MediaAnchor media;

	private final CallObserver observer;

	private final ActiveCalls active;

	private final String node;

	private final Clock clock;

	public B2bua(SipEndpoint endpoint, TrunkDirectory trunks, SeatPicker seats, Locations locations, ChannelCounter channels,
			MediaAnchor media, CallObserver observer, ActiveCalls active, String node, Clock clock) {
		this.endpoint = endpoint;
		this.trunks = trunks;
		this.seats = seats;
		this.locations = locations;
		this.channels = channels;
		this.media = media;
		this.observer = observer;
		this.active = active;
		this.node = node;
		this.clock = clock;
	}

	/** A new INVITE from outside. Only a configured trunk address may bring one in: nothing else ever reaches a seat or a trunk. */
	void inbound(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request invite = event.getRequest();
		if (!trunks.isTrunkAddress(SipEndpoint.sourceOf(invite).address())) {
			endpoint.respond(transaction, invite, Response.FORBIDDEN);
			return;
		}
		String dialled = invite.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
		Optional<InboundRoute> route = dialled == null ? Optional.empty() : trunks.inboundRoute(dialled);
		if (route.isEmpty()) {
			endpoint.respond(transaction, invite, Response.NOT_FOUND);
			return;
		}
		if (invite.getRawContent() == null) {
			endpoint.respond(transaction, invite, Response.NOT_ACCEPTABLE_HERE);
			return;
		}
		if (!channels.tryAcquire(route.get().channelKey(), route.get().channelLimit())) {
			endpoint.respond(transaction, invite, Response.BUSY_HERE);
			return;
		}
		Call call = new Call(UUID.randomUUID().toString(), route.get(), userOf((FromHeader) invite.getHeader(FromHeader.NAME)), dialled,
				node, clock, transaction, endpoint.newTag());
		transaction.setApplicationData(new LegRef(call, Leg.CUSTOMER, this));
		call.customerDialog = endpoint.provider().getNewDialog(transaction);
		call.customerDialog.setApplicationData(new LegRef(call, Leg.CUSTOMER, this));
		active.add(call);
		observer.offered(call.snapshot());
		endpoint.respond(transaction, invite, Response.TRYING);
		offerToAgent(call, new String(invite.getRawContent(), StandardCharsets.UTF_8));
	}

	private void offerToAgent(Call call, String customerSdp) throws Exception {
		String agentSdp;
		try {
			call.media = media.open(call.id(), call.route().tenantCode());
			agentSdp = call.media.toAgent(customerSdp);
		}
		catch (UnsupportedMediaException ex) {
			failCustomer(call, Response.NOT_ACCEPTABLE_HERE, "no-codec");
			return;
		}
		catch (RuntimeException ex) {
			log.warn("Media for call {} failed", call.id(), ex);
			failCustomer(call, Response.SERVICE_UNAVAILABLE, "media-unavailable");
			return;
		}
		Optional<String> seat = seats.pick(call.route().tenantId(), aor -> !locations.of(aor).isEmpty());
		Optional<Binding> phone = seat.flatMap(s -> locations.of(s).stream().findFirst());
		if (phone.isEmpty()) {
			failCustomer(call, Response.TEMPORARILY_UNAVAILABLE, "no-agent");
			return;
		}
		call.seat(seat.get());
		Request invite = AgentInvite.build(endpoint, call, seat.get(), phone.get().target(), agentSdp);
		ClientTransaction transaction = endpoint.provider().getNewClientTransaction(invite);
		LegRef agent = new LegRef(call, Leg.AGENT, this);
		transaction.setApplicationData(agent);
		Dialog dialog = endpoint.provider().getNewDialog(transaction);
		dialog.setApplicationData(agent);
		synchronized (call) {
			call.agentInvite = transaction;
			call.agentDialog = dialog;
		}
		transaction.sendRequest();
	}

	/**
	 * An answer from the agent's phone to our INVITE. The stack may hand a 180 and the 200 behind it to
	 * two threads at once; holding the call's lock while relaying keeps them in order for the customer.
	 */
	void agentAnswered(Call call, ResponseEvent event) {
		synchronized (call) {
			relayAgentAnswer(call, event);
		}
	}

	private void relayAgentAnswer(Call call, ResponseEvent event) {
		Response response = event.getResponse();
		int status = response.getStatusCode();
		try {
			if (status < 200) {
				provisional(call, response);
			}
			else if (status < 300) {
				accepted(call, event);
			}
			else if (call.state() != CallState.ENDED) {
				int toCustomer = status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE || status == Response.DECLINE
						? Response.BUSY_HERE : Response.TEMPORARILY_UNAVAILABLE;
				failCustomer(call, toCustomer, status == Response.BUSY_HERE ? "agent-busy" : "agent-rejected-" + status);
			}
		}
		catch (Exception ex) {
			log.warn("Relaying {} on call {} failed", status, call.id(), ex);
			hangUp(call, Leg.AGENT, "error");
		}
	}

	private void provisional(Call call, Response response) throws Exception {
		if (response.getStatusCode() == Response.TRYING || call.state() == CallState.ANSWERED) {
			return;
		}
		boolean cancel;
		synchronized (call) {
			call.agentProvisional = true;
			cancel = call.cancelWhenProvisional;
		}
		if (cancel) {
			cancelAgent(call);
			return;
		}
		if (call.ringing()) {
			observer.ringing(call.snapshot());
		}
		Response relayed = endpoint.messages().createResponse(response.getStatusCode(), call.customerRequest);
		toCustomer(call, relayed, response.getRawContent());
		call.customerInvite.sendResponse(relayed);
	}

	private void accepted(Call call, ResponseEvent event) throws Exception {
		Dialog dialog = event.getDialog() != null ? event.getDialog() : call.agentDialog;
		long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
		dialog.sendAck(dialog.createAck(cseq));
		if (call.state() == CallState.ENDED) {
			bye(dialog);
			return;
		}
		if (!call.answered()) {
			return;
		}
		Response ok = endpoint.messages().createResponse(Response.OK, call.customerRequest);
		toCustomer(call, ok, event.getResponse().getRawContent());
		call.customerInvite.sendResponse(ok);
		observer.answered(call.snapshot());
	}

	void agentTimedOut(Call call) {
		failCustomer(call, Response.TEMPORARILY_UNAVAILABLE, "agent-no-answer");
	}

	/** BYE from either side: answer it, end the call, and hang up the other side. */
	void bye(RequestEvent event, ServerTransaction transaction) throws Exception {
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)) {
			endpoint.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		hangUp(ref.call(), ref.leg(), ref.leg() == Leg.CUSTOMER ? "customer-hangup" : "agent-hangup");
	}

	/** CANCEL of the customer's INVITE before it was answered. */
	void cancel(RequestEvent event, ServerTransaction transaction) throws Exception {
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		ServerTransaction invite = ((gov.nist.javax.sip.stack.SIPServerTransaction) transaction).getCanceledInviteTransaction();
		if (invite == null || !(invite.getApplicationData() instanceof LegRef ref)) {
			return;
		}
		Call call = ref.call();
		if (!finish(call, Leg.CUSTOMER, "customer-cancelled", Response.REQUEST_TERMINATED)) {
			return;
		}
		endpoint.respond(invite, call.customerRequest, Response.REQUEST_TERMINATED, r -> tagged(call, r));
		boolean provisional;
		synchronized (call) {
			provisional = call.agentProvisional;
			call.cancelWhenProvisional = !provisional;
		}
		if (provisional) {
			cancelAgent(call);
		}
	}

	/** Ends an established or ringing call from one side and hangs up the other. */
	void hangUp(Call call, Leg by, String reason) {
		CallState before = call.state();
		if (!finish(call, by, reason, 0)) {
			return;
		}
		try {
			if (by != Leg.AGENT && call.agentDialog != null) {
				if (before == CallState.ANSWERED) {
					bye(call.agentDialog);
				}
				else if (call.agentProvisional) {
					cancelAgent(call);
				}
			}
			if (by != Leg.CUSTOMER) {
				if (before == CallState.ANSWERED) {
					bye(call.customerDialog);
				}
				else {
					endpoint.respond(call.customerInvite, call.customerRequest, Response.TEMPORARILY_UNAVAILABLE, r -> tagged(call, r));
				}
			}
		}
		catch (Exception ex) {
			log.debug("Hanging up call {} after {}: {}", call.id(), reason, ex.toString());
		}
	}

	private void failCustomer(Call call, int status, String reason) {
		if (!finish(call, Leg.AGENT, reason, status)) {
			return;
		}
		try {
			endpoint.respond(call.customerInvite, call.customerRequest, status, r -> tagged(call, r));
		}
		catch (Exception ex) {
			log.debug("Could not refuse call {}: {}", call.id(), ex.toString());
		}
	}

	/** The one end path: acts once per call. */
	private boolean finish(Call call, Leg by, String reason, int status) {
		if (!call.end(by, reason, status)) {
			return false;
		}
		channels.release(call.route().channelKey());
		if (call.media != null) {
			call.media.close();
		}
		active.remove(call);
		observer.ended(call.snapshot());
		return true;
	}

	private void cancelAgent(Call call) {
		try {
			ClientTransaction cancel = endpoint.provider().getNewClientTransaction(call.agentInvite.createCancel());
			cancel.sendRequest();
		}
		catch (Exception ex) {
			log.debug("CANCEL towards the agent of call {} failed: {}", call.id(), ex.toString());
		}
	}

	private void bye(Dialog dialog) throws Exception {
		Request bye = dialog.createRequest(Request.BYE);
		ClientTransaction transaction = endpoint.provider().getNewClientTransaction(bye);
		transaction.setApplicationData(dialog.getApplicationData());
		dialog.sendRequest(transaction);
	}

	private void toCustomer(Call call, Response response, byte[] agentSdp) throws Exception {
		tagged(call, response);
		SipURI contact = endpoint.addresses().createSipURI("calldesk", endpoint.host());
		contact.setPort(endpoint.port());
		response.addHeader(endpoint.headers().createContactHeader(endpoint.addresses().createAddress(contact)));
		if (agentSdp != null && agentSdp.length > 0) {
			response.setContent(call.media.toCustomer(new String(agentSdp, StandardCharsets.UTF_8)),
					endpoint.headers().createContentTypeHeader("application", "sdp"));
		}
	}

	private static void tagged(Call call, Response response) throws java.text.ParseException {
		((ToHeader) response.getHeader(ToHeader.NAME)).setTag(call.customerTag);
	}

	/** Ends calls whose media stopped (RTP timeout): both sides are hung up. */
	public void sweep() {
		for (Call call : active.all()) {
			if (call.state() == CallState.ANSWERED && call.media != null && call.media.timedOut()) {
				hangUp(call, null, "rtp-timeout");
			}
		}
	}

	private static String userOf(FromHeader from) {
		return from != null && from.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
	}
}
