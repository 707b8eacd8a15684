package com.calldesk.sip.calls;

/**
 * What CallDesk knows of one leg's SIP session beyond its dialog: its session timer (null when the
 * peer does not do RFC 4028), whether the peer takes UPDATE, and the last SDP we sent it (a refresh by
 * re-INVITE offers it again unchanged). Guarded by the call's lock.
 */
final class LegSession {

	SessionTimer timer;

	boolean allowsUpdate;

	String lastSdpSent;
}
