package com.calldesk.sip.calls;

/**
 * Ends a call from one side, or from CallDesk itself ({@code by} null), and hangs up the other side(s):
 * all that the timers, the sweeper and voicemail need of the B2BUA, so they do not hold the whole of it.
 */
@FunctionalInterface
interface CallHangUp {

	void hangUp(Call call, Leg by, String reason);
}
