package com.calldesk.telephony;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.sip.calls.B2bua;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.ClickToCall;
import com.calldesk.sip.calls.ClickToCallRefused;
import com.calldesk.sip.calls.TransferRefused;
import com.calldesk.sip.calls.TransferTarget;

/**
 * The commands the agent web sends to calls (F9, F10): place a click-to-call, hang up. They act on the
 * calls this node carries; a refusal becomes a bilingual 4xx that says what to do.
 */
@Component
public class CallControl {

	/** How each refusal reaches the agent: 400 for what they typed, 403 for what the tenant may not call, 409 for the state of things. */
	private static final Map<String, HttpStatus> STATUS = Map.of("invalid-number", HttpStatus.BAD_REQUEST, "display-number-unknown",
			HttpStatus.BAD_REQUEST, "international-not-enabled", HttpStatus.FORBIDDEN, "premium-not-enabled", HttpStatus.FORBIDDEN,
			"no-balance", HttpStatus.PAYMENT_REQUIRED);

	private volatile B2bua b2bua;

	/** The B2BUA of this node, once its SIP server is up. */
	void serve(B2bua b2bua) {
		this.b2bua = b2bua;
	}

	public String clickToCall(ClickToCall request) {
		try {
			return running().clickToCall(request);
		}
		catch (ClickToCallRefused refused) {
			throw new DomainException(STATUS.getOrDefault(refused.reason(), HttpStatus.CONFLICT), "call.refused." + refused.reason());
		}
	}

	/** Transfer-specific refusals; the number's route refusals read as those of a call out. */
	private static final Map<String, HttpStatus> TRANSFER_STATUS = Map.of("call-not-found", HttpStatus.NOT_FOUND, "same-agent",
			HttpStatus.BAD_REQUEST, "not-answered", HttpStatus.CONFLICT, "transfer-in-progress", HttpStatus.CONFLICT, "agent-offline",
			HttpStatus.CONFLICT, "agent-busy", HttpStatus.CONFLICT, "error", HttpStatus.CONFLICT, "consult-not-ready", HttpStatus.CONFLICT, "not-held", HttpStatus.CONFLICT, "not-ringing", HttpStatus.CONFLICT);

	public CallSnapshot transfer(long tenantId, String callId, TransferTarget target) {
		return refusedAsProblem(callId, () -> running().transfer(tenantId, callId, target));
	}

	public CallSnapshot consult(long tenantId, String callId, String seat) {
		return refusedAsProblem(callId, () -> running().consult(tenantId, callId, seat));
	}

	public CallSnapshot completeConsult(long tenantId, String callId) {
		return refusedAsProblem(callId, () -> running().completeConsult(tenantId, callId));
	}

	public CallSnapshot cancelConsult(long tenantId, String callId) {
		return refusedAsProblem(callId, () -> running().cancelConsult(tenantId, callId));
	}

	private CallSnapshot refusedAsProblem(String callId, java.util.function.Supplier<CallSnapshot> command) {
		try {
			return command.get();
		}
		catch (TransferRefused refused) {
			HttpStatus own = TRANSFER_STATUS.get(refused.reason());
			if (own != null) {
				throw new DomainException(own, "call.transfer." + refused.reason(), callId);
			}
			throw new DomainException(STATUS.getOrDefault(refused.reason(), HttpStatus.CONFLICT), "call.refused." + refused.reason());
		}
	}

	public CallSnapshot hold(long tenantId, String callId) {
		return refusedAsProblem(callId, () -> running().holds().hold(tenantId, callId));
	}

	public CallSnapshot resume(long tenantId, String callId) {
		return refusedAsProblem(callId, () -> running().holds().resume(tenantId, callId));
	}

	public CallSnapshot answerHint(long tenantId, String callId, String seat) {
		return refusedAsProblem(callId, () -> running().holds().answerHint(tenantId, callId, seat));
	}

	public Optional<CallSnapshot> hangUp(long tenantId, String callId) {
		return running().hangUp(tenantId, callId, "hung-up-by-command");
	}

	private B2bua running() {
		B2bua running = b2bua;
		if (running == null) {
			throw DomainException.conflict("call.refused.telephony-off");
		}
		return running;
	}
}
