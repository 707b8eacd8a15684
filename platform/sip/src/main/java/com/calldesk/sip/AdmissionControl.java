package com.calldesk.sip;

import java.util.concurrent.Semaphore;

/**
 * Our own overload guard: JAIN-SIP's MAX_SERVER_TRANSACTIONS does nothing in this version. A request
 * beyond {@code maxInFlight} is answered 503 with Retry-After at once instead of queueing behind
 * work the stack cannot finish in time.
 */
final class AdmissionControl {

	private final Semaphore permits;

	private final int maxInFlight;

	AdmissionControl(int maxInFlight) {
		this.permits = new Semaphore(maxInFlight);
		this.maxInFlight = maxInFlight;
	}

	int limit() {
		return maxInFlight;
	}

	boolean tryEnter() {
		return permits.tryAcquire();
	}

	void leave() {
		permits.release();
	}
}
