package com.calldesk.sip.calls;

import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;

/** A re-INVITE CallDesk sends on its own (a phone moved onto another relay session): acknowledged, and its outcome handed on. */
final class OurReinvite {

	private static final Logger log = LoggerFactory.getLogger(OurReinvite.class);

	private OurReinvite() {
	}

	/** A re-INVITE of ours in {@code dialog}: its final answer (null on timeout) is handed to {@code done} under the call's lock. */
	static void send(SipEndpoint endpoint, Call call, Dialog dialog, String sdp, Consumer<Response> done) throws Exception {
		Request request = dialog.createRequest(Request.INVITE);
		request.addHeader(new SipIdioms(endpoint).contact());
		request.setContent(sdp, endpoint.headers().createContentTypeHeader("application", "sdp"));
		ClientTransaction transaction = endpoint.provider().getNewClientTransaction(request);
		transaction.setApplicationData(new ClientListener() {
			@Override
			public void onResponse(ResponseEvent event) {
				Response answer = event.getResponse();
				if (answer.getStatusCode() < 200) {
					return;
				}
				synchronized (call) {
					if (answer.getStatusCode() < 300) {
						try {
							new SipIdioms(endpoint).ack(event.getDialog(), answer);
						}
						catch (Exception ex) {
							log.debug("ACK of a re-INVITE of call {} failed: {}", call.id(), ex.toString());
						}
					}
					if (call.state() != CallState.ENDED) {
						done.accept(answer);
					}
				}
			}

			@Override
			public void onTimeout(TimeoutEvent event) {
				synchronized (call) {
					if (call.state() != CallState.ENDED) {
						done.accept(null);
					}
				}
			}
		});
		dialog.sendRequest(transaction);
	}
}
