package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;

/**
 * Requests inside an answered call, carried to the other side: re-INVITE (hold, unhold, codec
 * change) with its SDP through the media anchor, and INFO (DTMF of phones that send it by SIP).
 * One re-INVITE per call at a time: a second one meanwhile gets 491 at once, so glare can never
 * leave a transaction waiting forever.
 */
final class InDialogRelay {

	private static final Logger log = LoggerFactory.getLogger(InDialogRelay.class);

	private final SipEndpoint endpoint;

	InDialogRelay(SipEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	void reinvite(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)) {
			endpoint.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		Call call = ref.call();
		if (call.state() != CallState.ANSWERED || request.getRawContent() == null) {
			endpoint.respond(transaction, request, call.state() == CallState.ANSWERED ? Response.NOT_ACCEPTABLE_HERE
					: Response.REQUEST_PENDING);
			return;
		}
		synchronized (call) {
			if (call.reinviting) {
				endpoint.respond(transaction, request, Response.REQUEST_PENDING);
				return;
			}
			call.reinviting = true;
		}
		try {
			String sdp = new String(request.getRawContent(), StandardCharsets.UTF_8);
			Dialog other = call.dialogOf(ref.leg().other());
			Request relayed = other.createRequest(Request.INVITE);
			relayed.addHeader(contact());
			relayed.setContent(call.relaySdp(ref.leg(), sdp), endpoint.headers().createContentTypeHeader("application", "sdp"));
			ClientTransaction out = endpoint.provider().getNewClientTransaction(relayed);
			out.setApplicationData(new Pending(call, ref.leg(), transaction));
			other.sendRequest(out);
		}
		catch (UnsupportedMediaException ex) {
			done(call);
			endpoint.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE);
		}
		catch (Exception ex) {
			done(call);
			throw ex;
		}
	}

	void info(RequestEvent event, ServerTransaction transaction) throws Exception {
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)
				|| ref.call().state() != CallState.ANSWERED) {
			endpoint.respond(transaction, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		endpoint.respond(transaction, event.getRequest(), Response.OK);
		Dialog other = ref.call().dialogOf(ref.leg().other());
		Request info = other.createRequest(Request.INFO);
		if (event.getRequest().getRawContent() != null) {
			info.setContent(event.getRequest().getRawContent(), (javax.sip.header.ContentTypeHeader) event.getRequest()
				.getHeader(javax.sip.header.ContentTypeHeader.NAME));
		}
		other.sendRequest(endpoint.provider().getNewClientTransaction(info));
	}

	private static void done(Call call) {
		synchronized (call) {
			call.reinviting = false;
		}
	}

	private javax.sip.header.ContactHeader contact() throws java.text.ParseException {
		SipURI uri = endpoint.addresses().createSipURI("calldesk", endpoint.host());
		uri.setPort(endpoint.port());
		return endpoint.headers().createContactHeader(endpoint.addresses().createAddress(uri));
	}

	/** A relayed re-INVITE waiting for the other side's answer. */
	private final class Pending implements ClientListener {

		private final Call call;

		private final Leg from;

		private final ServerTransaction original;

		Pending(Call call, Leg from, ServerTransaction original) {
			this.call = call;
			this.from = from;
			this.original = original;
		}

		@Override
		public void onResponse(ResponseEvent event) {
			Response answer = event.getResponse();
			if (answer.getStatusCode() < 200) {
				return;
			}
			try {
				Response back = endpoint.messages().createResponse(answer.getStatusCode(), original.getRequest());
				if (answer.getStatusCode() < 300) {
					Dialog dialog = event.getDialog();
					dialog.sendAck(dialog.createAck(((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber()));
					back.addHeader(contact());
					if (answer.getRawContent() != null) {
						String sdp = new String(answer.getRawContent(), StandardCharsets.UTF_8);
						back.setContent(call.relaySdp(from.other(), sdp), endpoint.headers().createContentTypeHeader("application", "sdp"));
					}
				}
				original.sendResponse(back);
			}
			catch (Exception ex) {
				log.warn("Relaying the answer to a re-INVITE of call {} failed", call.id(), ex);
			}
			finally {
				done(call);
			}
		}

		@Override
		public void onTimeout(TimeoutEvent event) {
			try {
				endpoint.respond(original, original.getRequest(), Response.REQUEST_TIMEOUT);
			}
			catch (Exception ex) {
				log.debug("Could not answer a timed-out re-INVITE of call {}", call.id(), ex);
			}
			finally {
				done(call);
			}
		}
	}
}
