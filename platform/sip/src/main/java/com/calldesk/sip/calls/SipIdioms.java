package com.calldesk.sip.calls;

import java.text.ParseException;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;

/**
 * The B2BUA's SIP idioms, written once: the ACK of a 2xx, the CANCEL of an INVITE we sent, BYE, an
 * answer nobody wants any more hung up, and what a phone's refusal means for the record.
 */
final class SipIdioms {

	private static final Logger log = LoggerFactory.getLogger(SipIdioms.class);

	private final SipEndpoint endpoint;

	SipIdioms(SipEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** The ACK of a 2xx to our INVITE: the dialog's own request, not the transaction's (RFC 3261 §13.2.2.4). */
	void ack(Dialog dialog, Response ok) throws SipException, InvalidArgumentException {
		dialog.sendAck(dialog.createAck(((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber()));
	}

	/** Our Contact in dialogs we take part in. */
	ContactHeader contact() throws ParseException {
		SipURI contact = endpoint.addresses().createSipURI("calldesk", endpoint.host());
		contact.setPort(endpoint.port());
		return endpoint.headers().createContactHeader(endpoint.addresses().createAddress(contact));
	}

	/** BYE in {@code dialog}; its answer comes back with the dialog's application data. */
	void bye(Dialog dialog) throws SipException {
		Request bye = dialog.createRequest(Request.BYE);
		ClientTransaction transaction = endpoint.provider().getNewClientTransaction(bye);
		transaction.setApplicationData(dialog.getApplicationData());
		dialog.sendRequest(transaction);
	}

	/**
	 * CANCEL of an INVITE we sent that is still ringing. When it cannot be sent (the INVITE was answered or
	 * ended just now) that is only logged: the answer that crossed it is dealt with when it arrives.
	 */
	void cancel(ClientTransaction invite, String what) {
		try {
			endpoint.provider().getNewClientTransaction(invite.createCancel()).sendRequest();
		}
		catch (Exception ex) {
			log.debug("CANCEL of {} failed: {}", what, ex.toString());
		}
	}

	/**
	 * A 2xx nobody wants any more (the call moved on, ended, or the consultation was cancelled): acknowledged,
	 * cut loose from the call (a BYE crossing ours ends nothing) and hung up.
	 */
	void hangUpLate(Dialog dialog, Response ok, String what) {
		try {
			ack(dialog, ok);
			dialog.setApplicationData(null);
			bye(dialog);
		}
		catch (Exception ex) {
			log.debug("Hanging up {} failed: {}", what, ex.toString());
		}
	}

	/** A final refusal from a phone or gateway, as the record says it: {@code busy} or {@code rejected-<status>}. */
	static String refusal(int status) {
		return busy(status) ? "busy" : "rejected-" + status;
	}

	/** 486 Busy Here, 600 Busy Everywhere and 603 Decline all mean the person is not taking calls now. */
	static boolean busy(int status) {
		return status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE || status == Response.DECLINE;
	}
}
