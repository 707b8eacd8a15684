package com.calldesk.calls;

/**
 * Where a call stands. OFFERED: the customer's call is in and an agent is being looked for; RINGING: a
 * phone rings; QUEUED: CallDesk answered and the customer waits with hold music; ANSWERED: an agent
 * talks to the customer; ENDED.
 */
public enum CallPhase {
	OFFERED, RINGING, QUEUED, ANSWERED, ENDED
}
