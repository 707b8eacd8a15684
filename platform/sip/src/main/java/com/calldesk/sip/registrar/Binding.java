package com.calldesk.sip.registrar;

import java.time.Instant;

/**
 * One registered phone of a seat.
 *
 * @param aor the seat's SIP username
 * @param contact the Contact URI the phone sent
 * @param target where requests for this phone go: the contact with its host and port replaced by the
 * address the REGISTER really came from when they differ (the phone is behind NAT)
 * @param source the address and port the REGISTER came from, and its transport
 * @param node the CallDesk node that holds the phone's NAT pinhole and sends its keep-alives
 */
public record Binding(String aor, long tenantId, long seatId, String contact, String target, String source, String transport,
		Instant expiresAt, String callId, long cseq, String userAgent, String node) {

	static final String SEPARATOR = "\u001f";

	/** Fields a phone chose (contact, Call-ID, User-Agent) lose any control character, so none can break the record. */
	String encode() {
		return String.join(SEPARATOR, aor, Long.toString(tenantId), Long.toString(seatId), clean(contact), clean(target), source,
				transport, Long.toString(expiresAt.toEpochMilli()), clean(callId), Long.toString(cseq), clean(userAgent), node);
	}

	private static String clean(String value) {
		return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ");
	}

	static Binding decode(String encoded) {
		String[] f = encoded.split(SEPARATOR, -1);
		return new Binding(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4], f[5], f[6],
				Instant.ofEpochMilli(Long.parseLong(f[7])), f[8], Long.parseLong(f[9]), f[10], f[11]);
	}
}
