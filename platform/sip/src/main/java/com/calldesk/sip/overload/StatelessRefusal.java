package com.calldesk.sip.overload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads just enough of a datagram to tell a new INVITE or REGISTER from everything else, and writes
 * the 503 that refuses it without parsing the rest: the point is to spend almost nothing on what the
 * node has no room for.
 */
final class StatelessRefusal {

	private StatelessRefusal() {
	}

	/** A new INVITE or REGISTER as the door sees it: its Call-ID, when it has one. */
	record NewRequest(String callId) {
	}

	/** The datagram as a new INVITE or REGISTER (outside a dialog: its To has no tag), or null for anything else. */
	static NewRequest newInviteOrRegister(byte[] data, int offset, int length) {
		if (!startsWith(data, offset, length, "INVITE ") && !startsWith(data, offset, length, "REGISTER ")) {
			return null;
		}
		String head = new String(data, offset, Math.min(length, 4096), StandardCharsets.ISO_8859_1);
		String to = header(head, "to", "t");
		if (to == null || to.toLowerCase(Locale.ROOT).contains(";tag=")) {
			return null;
		}
		String callId = header(head, "call-id", "i");
		return new NewRequest(callId == null ? null : callId.trim());
	}

	/** The 503 with Retry-After for the request in {@code data}, or null when the request lacks what a response needs. */
	static byte[] serviceUnavailable(byte[] data, int offset, int length, int retryAfterSeconds, String toTag) {
		String message = new String(data, offset, length, StandardCharsets.ISO_8859_1);
		int end = message.indexOf("\r\n\r\n");
		String[] lines = (end < 0 ? message : message.substring(0, end)).split("\r\n");
		StringBuilder vias = new StringBuilder();
		String from = null;
		String to = null;
		String callId = null;
		String cseq = null;
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon <= 0 || Character.isWhitespace(lines[i].charAt(0))) {
				continue; // folded continuation lines are not used by anything we copy
			}
			String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).trim();
			switch (name) {
				case "via", "v" -> vias.append("Via: ").append(value).append("\r\n");
				case "from", "f" -> from = value;
				case "to", "t" -> to = value;
				case "call-id", "i" -> callId = value;
				case "cseq" -> cseq = value;
				default -> {
				}
			}
		}
		if (vias.isEmpty() || from == null || to == null || callId == null || cseq == null) {
			return null;
		}
		String response = "SIP/2.0 503 Service Unavailable\r\n" + vias + "From: " + from + "\r\nTo: " + to
				+ (to.toLowerCase(Locale.ROOT).contains(";tag=") ? "" : ";tag=" + toTag) + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq
				+ "\r\nRetry-After: " + retryAfterSeconds + "\r\nContent-Length: 0\r\n\r\n";
		return response.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static boolean startsWith(byte[] data, int offset, int length, String prefix) {
		if (length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (data[offset + i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String header(String message, String name, String compact) {
		for (String line : message.split("\r\n")) {
			if (line.isEmpty()) {
				return null;
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				String n = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				if (n.equals(name) || n.equals(compact)) {
					return line.substring(colon + 1);
				}
			}
		}
		return null;
	}
}
