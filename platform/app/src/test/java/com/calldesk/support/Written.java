package com.calldesk.support;

import java.time.Duration;

import com.calldesk.journal.OrderedWrites;
import com.calldesk.sip.calls.ActiveCalls;

/**
 * Records are written off the SIP threads: before a test reads what a finished call left, every call
 * on the node must have ended (its last step queued) and the lanes must have applied what was queued.
 */
public final class Written {

	private Written() {
	}

	public static void settled(ActiveCalls active, OrderedWrites writes) {
		try {
			Peers.await(Duration.ofSeconds(15), "every call on the node to end", () -> active.size() == 0);
			if (!writes.drain(Duration.ofSeconds(15))) {
				throw new AssertionError("call writes not applied within 15 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Only what is queued now: for reads while a call is still up. */
	public static void queued(OrderedWrites writes) {
		try {
			if (!writes.drain(Duration.ofSeconds(15))) {
				throw new AssertionError("call writes not applied within 15 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
