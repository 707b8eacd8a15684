package com.calldesk.sip.calls;

/**
 * Hears every step of every call, in order per call: the application writes the call record and
 * publishes CTI events from here. Called on SIP threads: it must be quick and must not throw.
 */
public interface CallObserver {

	void offered(CallSnapshot call);

	void ringing(CallSnapshot call);

	/** CallDesk answered the caller, who now waits for an agent with hold music. */
	default void queued(CallSnapshot call) {
	}

	void answered(CallSnapshot call);

	/** A transfer started: the customer waits with music while the new leg rings. */
	default void transferring(CallSnapshot call) {
	}

	/** The consulted seat and the agent talk now (consult, F10): the agent may transfer or go back. */
	default void consulting(CallSnapshot call, String consultedSeat) {
	}

	/** The agent put the customer on hold: the customer hears hold music. */
	default void held(CallSnapshot call) {
	}

	/** The customer hears the agent again: taken off hold. */
	default void resumed(CallSnapshot call) {
	}

	/** A consultation ended without a transfer (cancelled, refused, the consulted seat hung up): the agent is back with the customer. */
	default void consultEnded(CallSnapshot call, String consultedSeat) {
	}

	/** The new leg of a transfer answered: the customer talks to them now. */
	default void transferred(CallSnapshot call) {
	}

	/** The caller left a message (F11); may come just before or just after {@link #ended}. */
	default void voicemailLeft(CallSnapshot call, VoicemailMessage message) {
	}

	void ended(CallSnapshot call);
}
