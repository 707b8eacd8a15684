package com.calldesk.sip.calls;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.SeatAuthentication;

/**
 * REFER from an agent's phone (the transfer key of a desk phone or softphone, RFC 3515): a blind
 * transfer of the customer to the referred seat of the same tenant, or to the number through the
 * gateway, exactly as the REST command does. The phone learns the outcome by NOTIFY (200 once the
 * new leg rings, 603 when refused — then the customer stays with it). Only the agent's side may
 * refer. REFER with Replaces — the phone's attended transfer to a colleague it called — is handed to
 * {@link AttendedTransfers}.
 */
final class Refers {

	private static final Logger log = LoggerFactory.getLogger(Refers.class);

	private final SipEndpoint endpoint;

	private final B2bua b2bua;

	private final SeatAuthentication seats;

	Refers(SipEndpoint endpoint, B2bua b2bua, SeatAuthentication seats) {
		this.endpoint = endpoint;
		this.b2bua = b2bua;
		this.seats = seats;
	}

	void refer(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request refer = event.getRequest();
		if (!(event.getDialog() != null && event.getDialog().getApplicationData() instanceof LegRef ref)) {
			endpoint.respond(transaction, refer, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		if (ref.leg() != Leg.AGENT) {
			endpoint.respond(transaction, refer, Response.FORBIDDEN);
			return;
		}
		ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
		if (referTo == null || !(referTo.getAddress().getURI() instanceof SipURI uri) || uri.getUser() == null) {
			endpoint.respond(transaction, refer, Response.BAD_REQUEST);
			return;
		}
		Call call = ref.call();
		Dialog dialog = event.getDialog();
		if (uri.getHeader("Replaces") != null) {
			endpoint.respond(transaction, refer, Response.ACCEPTED);
			b2bua.attendedTransfers().transfer(call, uri.getHeader("Replaces"), outcome -> notify(dialog, outcome));
			return;
		}
		long tenantId = call.route().tenantId();
		TransferTarget target = seats.seatOf(tenantId, uri.getUser()).isPresent() ? TransferTarget.seat(uri.getUser())
				: TransferTarget.number(uri.getUser());
		endpoint.respond(transaction, refer, Response.ACCEPTED);
		try {
			b2bua.transfer(tenantId, call.id(), target, () -> notify(dialog, "SIP/2.0 200 OK"));
		}
		catch (TransferRefused refused) {
			log.info("REFER of call {} to {} refused: {}", call.id(), target, refused.reason());
			notify(dialog, "SIP/2.0 603 Declined");
		}
	}

	/** The REFER's implicit subscription ends with the outcome (RFC 3515 §2.4.5). */
	private void notify(Dialog dialog, String sipfrag) {
		try {
			Request notify = dialog.createRequest(Request.NOTIFY);
			notify.addHeader(endpoint.headers().createEventHeader("refer"));
			notify.addHeader(endpoint.headers().createSubscriptionStateHeader("terminated;reason=noresource"));
			notify.setContent(sipfrag, endpoint.headers().createContentTypeHeader("message", "sipfrag;version=2.0"));
			ClientTransaction transaction = endpoint.provider().getNewClientTransaction(notify);
			dialog.sendRequest(transaction);
		}
		catch (Exception ex) {
			log.debug("NOTIFY of a REFER failed: {}", ex.toString());
		}
	}
}
