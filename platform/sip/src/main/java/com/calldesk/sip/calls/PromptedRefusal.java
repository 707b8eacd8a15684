package com.calldesk.sip.calls;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sip.ServerTransaction;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.registrar.SeatAccount;

/**
 * A seat's call refused with an explanation (the tenant's balance is exhausted). The call is admitted
 * only to be recorded and told: CallDesk answers the phone with the relay's own SDP, plays the prompt
 * and hangs up, and the record ends with the refusal's reason whoever hangs up first. Without anchored
 * media, or when the phone sent no SDP (late offer), the INVITE is refused with the status and a
 * Warning header whose text phones show instead.
 *
 * <p>A refused call has no customer, and the relay answers and plays only on its customer-facing side,
 * so here that side faces the seat's phone (whatever the phone sends lands on the recording's left
 * channel). Nothing is sent towards a trunk and no channel is taken.
 */
final class PromptedRefusal {

	private static final Logger log = LoggerFactory.getLogger(PromptedRefusal.class);

	/** RFC 3261 §20.43: 399 is the miscellaneous warning, its text for the user. */
	private static final int MISCELLANEOUS_WARNING = 399;

	private final B2bua b2bua;

	PromptedRefusal(B2bua b2bua) {
		this.b2bua = b2bua;
	}

	void refuse(ServerTransaction transaction, SeatAccount seat, String dialled, OutboundRouting.RefusedWithPrompt refused) throws Exception {
		if (b2bua.refusedTooShortSession(transaction, transaction.getRequest())) {
			return;
		}
		Call call = b2bua.admit(transaction, UUID.randomUUID().toString(), CallRoute.refused(seat.tenantId(), seat.tenantCode()),
				refused.customerNumber(), dialled);
		synchronized (call) {
			call.decidedEndReason = refused.reason();
		}
		if (!b2bua.assign(call, seat.username())) {
			return;
		}
		synchronized (call) {
			if (call.state() == CallState.ENDED) {
				return;
			}
			if (!answeredByRelay(call)) {
				b2bua.failIn(call, null, refused.status(), refused.reason(), r -> warn(r, refused.warning()));
				return;
			}
			CompletableFuture<Void> played = call.media.playToCustomer(refused.prompt(), false);
			if (played == null) {
				b2bua.hangUp(call, null, refused.reason());
				return;
			}
			played.whenComplete((done, error) -> b2bua.hangUp(call, null, refused.reason()));
		}
	}

	/** 200 to the phone with the relay's answer to its offer; false when there is no offer or no relay to answer with. */
	private boolean answeredByRelay(Call call) {
		byte[] offer = call.inRequest.getRawContent();
		if (offer == null || offer.length == 0) {
			// the phone's answer would come in its ACK, to the relay's side that faces no one here
			return false;
		}
		try {
			call.media = b2bua.media().open(call.id(), call.route().tenantCode());
			String sdp = call.media.answerCustomer(new String(offer, StandardCharsets.UTF_8));
			call.queued();
			b2bua.answerIn(call, sdp);
			call.inAnswered = true;
			return true;
		}
		catch (UnsupportedMediaException ex) {
			return false;
		}
		catch (Exception ex) {
			log.warn("Answering the refused call {} failed; refusing it with its status instead", call.id(), ex);
			return false;
		}
	}

	private void warn(Response response, String text) throws java.text.ParseException, javax.sip.InvalidArgumentException {
		if (text != null && !text.isBlank()) {
			response.addHeader(b2bua.endpoint().headers().createWarningHeader(b2bua.endpoint().host(), MISCELLANEOUS_WARNING,
					text.replace('"', '\'')));
		}
	}
}
