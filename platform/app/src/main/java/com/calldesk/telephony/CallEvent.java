package com.calldesk.telephony;

import com.calldesk.sip.calls.CallSnapshot;

/**
 * CTI events, named in the past tense: what happened to a call. Consumers (screen pop, monitor wall,
 * webhooks) listen for these; they carry the tenant, so every consumer stays tenant-scoped.
 */
public sealed interface CallEvent {

	CallSnapshot call();

	default long tenantId() {
		return call().tenantId();
	}

	record CallOffered(CallSnapshot call) implements CallEvent {
	}

	record CallRinging(CallSnapshot call) implements CallEvent {
	}

	/** CallDesk answered the caller, who waits in the queue with hold music. */
	record CallQueued(CallSnapshot call) implements CallEvent {
	}

	record CallAnswered(CallSnapshot call) implements CallEvent {
	}

	record CallEnded(CallSnapshot call) implements CallEvent {
	}

	/** A transfer started: the customer hears hold music while the new leg rings. */
	record CallTransferring(CallSnapshot call) implements CallEvent {
	}

	/** The new leg of a transfer answered: the snapshot's seat (or forwardedTo) is who talks to the customer now. */
	record CallTransferred(CallSnapshot call) implements CallEvent {
	}

	/** The agent and the consulted seat talk (consult, F10); the customer hears hold music. */
	record ConsultAnswered(CallSnapshot call) implements CallEvent {
	}

	/** The caller left a message (F11); it is in the tenant's voicemail box. */
	record VoicemailLeft(CallSnapshot call) implements CallEvent {
	}
}
