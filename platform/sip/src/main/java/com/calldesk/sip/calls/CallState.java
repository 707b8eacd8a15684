package com.calldesk.sip.calls;

/**
 * OFFERED: the customer's INVITE is in and an agent leg is going out; RINGING: a phone rings; QUEUED:
 * CallDesk answered the customer, who waits for an agent with hold music (a phone may be ringing for
 * it); ANSWERED: an agent answered; ENDED.
 */
public enum CallState {
	OFFERED, RINGING, QUEUED, ANSWERED, ENDED
}
