package com.calldesk.sip.calls;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

import com.calldesk.sip.ClientListener;

/** Application data of the consulted seat's INVITE and dialog, until a consult-transfer makes it the agent leg. */
record ConsultLeg(Call call, Consults consults) implements ClientListener {

	@Override
	public void onResponse(ResponseEvent event) {
		String method = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod();
		if (Request.INVITE.equals(method)) {
			consults.seatAnswered(call, event);
		}
	}

	@Override
	public void onTimeout(TimeoutEvent event) {
		if (Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
			consults.seatGone(call, "unreachable");
		}
	}
}
