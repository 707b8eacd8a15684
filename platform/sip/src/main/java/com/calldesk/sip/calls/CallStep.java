package com.calldesk.sip.calls;

/**
 * One step in the life of a call, as the B2BUA took it; every listener of the {@link CallLifecycle} hears
 * the same steps in the same order. Two kinds: the call's own steps, which the call record and the CTI
 * events follow, and the steps of a seat's part in a call (rung and not answering, released, handed
 * over), which the agents' states follow. Each carries the call as it stands after the step.
 */
public sealed interface CallStep {

	CallSnapshot call();

	/** A call came in, or CallDesk placed one (click-to-call): it has a record from now on. */
	record Offered(CallSnapshot call) implements CallStep {
	}

	/** A phone rings for the call; the snapshot's seat is the one ringing (one of several in ring-all). */
	record Ringing(CallSnapshot call) implements CallStep {
	}

	/**
	 * CallDesk answered the caller, who waits in the queue with hold music. {@code again}: the call was in the
	 * queue before (a phone rang and did not answer, a transfer failed) and goes back to waiting.
	 */
	record Queued(CallSnapshot call, boolean again) implements CallStep {
	}

	/** The call's agent (inbound) or customer (outbound) answered. */
	record Answered(CallSnapshot call) implements CallStep {
	}

	/** A transfer started: the customer waits with music while the new leg rings. */
	record Transferring(CallSnapshot call) implements CallStep {
	}

	/** The new leg of a transfer answered: the customer talks to them now (the snapshot's seat, or a number). */
	record Transferred(CallSnapshot call, How how) implements CallStep {

		public enum How {
			/** To a seat or a number, by command (F10): the new leg answered just now. */
			BLIND,
			/** The agent's phone joined the customer to a colleague it was talking to (REFER with Replaces). */
			ATTENDED,
			/** After a consultation: the consulted seat, which answered when the consultation did, takes the customer. */
			CONSULTED,
			/** A failed transfer put the customer back in the queue, and the next agent to answer took the call over. */
			REQUEUED
		}
	}

	/** The consulted seat and the agent talk now (consult, F10); the agent may transfer or go back. */
	record Consulting(CallSnapshot call, String consultedSeat) implements CallStep {
	}

	/** A consultation ended without a transfer (cancelled, refused, the consulted seat hung up): the agent is back with the customer. */
	record ConsultEnded(CallSnapshot call, String consultedSeat) implements CallStep {
	}

	/** The agent put the customer on hold: the customer hears hold music. */
	record Held(CallSnapshot call) implements CallStep {
	}

	/** The customer hears the agent again. */
	record Resumed(CallSnapshot call) implements CallStep {
	}

	/** The caller left a message (F11); may come just before or just after {@link Ended}. */
	record VoicemailLeft(CallSnapshot call, VoicemailMessage message) implements CallStep {
	}

	/** The call ended, whatever ended it; the last of its own steps. */
	record Ended(CallSnapshot call) implements CallStep {
	}

	/** {@code seat} answered a leg of the call that is not the call's own (a consultation). */
	record SeatAnswered(CallSnapshot call, String seat) implements CallStep {
	}

	/** The seat claimed for the call did not take it: {@code why} is no-answer, busy, rejected-…, unreachable or overflow. */
	record SeatNotAnswered(CallSnapshot call, String seat, String why) implements CallStep {
	}

	/** {@code seat} rang for the call with others and another answered first, or the caller left: not a no-answer. */
	record SeatReleased(CallSnapshot call, String seat) implements CallStep {
	}

	/** {@code seat} answered a consultation that ended without taking the call: free again at once. */
	record SeatConsulted(CallSnapshot call, String seat) implements CallStep {
	}

	/** The agent of {@code seat} handed the call over (a transfer): their part of it is over. */
	record SeatHandedOver(CallSnapshot call, String seat) implements CallStep {
	}
}
