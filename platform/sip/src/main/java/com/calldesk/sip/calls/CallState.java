package com.calldesk.sip.calls;

/** OFFERED: the customer's INVITE is in and an agent leg is going out; RINGING: a phone rings; ANSWERED; ENDED. */
public enum CallState {
	OFFERED, RINGING, ANSWERED, ENDED
}
