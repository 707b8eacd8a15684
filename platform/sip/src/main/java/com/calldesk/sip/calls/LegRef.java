package com.calldesk.sip.calls;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;

import com.calldesk.sip.ClientListener;

/** Application data of a leg's dialog and transactions: which call, which side. */
record LegRef(Call call, Leg leg, B2bua b2bua) implements ClientListener {

	@Override
	public void onResponse(ResponseEvent event) {
		String method = ((javax.sip.header.CSeqHeader) event.getResponse().getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
		if (Request.INVITE.equals(method) && ForkedRinging.isFork(call, event)) {
			b2bua.ringAll().answered(call, event);
		}
		else if (Request.INVITE.equals(method) && Transfers.isTransferLeg(call, event)) {
			b2bua.transfers().answered(call, event);
		}
		else if (leg == call.outLeg() && Request.INVITE.equals(method)) {
			b2bua.outAnswered(call, event);
		}
		else if (call.originated() && Request.INVITE.equals(method)) {
			b2bua.clickToCalls().agentAnswered(call, event);
		}
	}

	@Override
	public void onDialogTimeout() {
		b2bua.hangUp(call, null, "no-ack");
	}

	@Override
	public void onTimeout(TimeoutEvent event) {
		Transfer transfer = call.transfer;
		if (transfer != null && event.getClientTransaction() == transfer.invite()) {
			b2bua.transfers().unreachable(call, event.getClientTransaction());
		}
		else if (leg == call.outLeg() && Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
			b2bua.outTimedOut(call);
		}
		else if (call.originated() && Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
			b2bua.hangUp(call, null, "agent-unreachable");
		}
	}
}
