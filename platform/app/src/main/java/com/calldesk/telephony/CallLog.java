package com.calldesk.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.CallObserver;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.VoicemailMessage;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.voicemail.VoicemailBox;

/**
 * Writes each call's record in its tenant's schema at every step — inserted when the call is
 * offered, before any phone rings, so a node that dies mid-call leaves a record to close — and
 * publishes the CTI event of the step.
 */
@Component
class CallLog implements CallObserver {

	private static final Logger log = LoggerFactory.getLogger(CallLog.class);

	private final CallRecords records;

	private final TenantDirectory tenants;

	private final CtiBus events;

	private final VoicemailBox voicemails;

	CallLog(CallRecords records, TenantDirectory tenants, CtiBus events, VoicemailBox voicemails) {
		this.records = records;
		this.tenants = tenants;
		this.events = events;
		this.voicemails = voicemails;
	}

	@Override
	public void offered(CallSnapshot call) {
		step(call, () -> records.open(call), new CallEvent.CallOffered(call));
	}

	@Override
	public void ringing(CallSnapshot call) {
		step(call, () -> records.update(call), new CallEvent.CallRinging(call));
	}

	@Override
	public void queued(CallSnapshot call) {
		step(call, () -> records.update(call), new CallEvent.CallQueued(call));
	}

	@Override
	public void answered(CallSnapshot call) {
		step(call, () -> records.update(call), new CallEvent.CallAnswered(call));
	}

	@Override
	public void ended(CallSnapshot call) {
		step(call, () -> records.close(call), new CallEvent.CallEnded(call));
	}

	@Override
	public void transferring(CallSnapshot call) {
		step(call, () -> records.update(call), new CallEvent.CallTransferring(call));
	}

	@Override
	public void consulting(CallSnapshot call, String consultedSeat) {
		publish(new CallEvent.ConsultAnswered(call));
	}

	@Override
	public void transferred(CallSnapshot call) {
		step(call, () -> records.update(call), new CallEvent.CallTransferred(call));
	}

	@Override
	public void voicemailLeft(CallSnapshot call, VoicemailMessage message) {
		try {
			if (TenantContext.call(tenants.scopeOf(tenants.require(call.tenantId())), () -> voicemails.file(call, message)).isEmpty()) {
				return;
			}
		}
		catch (RuntimeException ex) {
			log.error("Voicemail {} of call {} of tenant {} not filed", message.file(), call.callId(), call.tenantCode(), ex);
			return;
		}
		publish(new CallEvent.VoicemailLeft(call));
	}

	private void step(CallSnapshot call, Runnable write, CallEvent event) {
		try {
			TenantContext.run(tenants.scopeOf(tenants.require(call.tenantId())), write);
		}
		catch (RuntimeException ex) {
			log.error("Call record {} of tenant {} not written at {}", call.callId(), call.tenantCode(), call.state(), ex);
		}
		publish(event);
	}

	private void publish(CallEvent event) {
		try {
			events.publish(event);
		}
		catch (RuntimeException ex) {
			log.warn("A listener of {} failed", event.getClass().getSimpleName(), ex);
		}
	}
}
