package com.calldesk.calls;

import java.time.Instant;

/**
 * What happened to a call. Each carries the call as it stands after the step; {@code call().seat()} is
 * the seat the event concerns (for {@link CallRinging}, the phone that rings).
 */
public sealed interface CallEvent extends CtiEvent {

	CallView call();

	@Override
	default long tenantId() {
		return call().tenantId();
	}

	/** The customer's call is in; nobody rings yet. */
	record CallOffered(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** One seat's phone rings for the call: once per seat rung (every phone of a ring-all, each seat tried in turn). */
	record CallRinging(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** CallDesk answered the caller, who waits in the queue with hold music. */
	record CallQueued(long seq, Instant at, CallView call) implements CallEvent {
	}

	record CallAnswered(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The agent put the customer on hold: the customer hears hold music. */
	record CallHeld(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The agent took the customer back from hold. */
	record CallResumed(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** A transfer started: the customer hears hold music while the new leg rings. */
	record CallTransferring(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The new leg of a transfer answered: {@code call().seat()} (or {@code forwardedTo}) talks to the customer now. */
	record CallTransferred(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The agent and {@code call().consultingSeat()} talk (consult, F10); the customer hears hold music. */
	record ConsultAnswered(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The call is over; {@code call().endedBy()} hung up, {@code call().endReason()} says why. */
	record CallEnded(long seq, Instant at, CallView call) implements CallEvent {
	}

	/** The caller left a message (F11); it is in the tenant's voicemail box. */
	record VoicemailLeft(long seq, Instant at, CallView call) implements CallEvent {
	}
}
