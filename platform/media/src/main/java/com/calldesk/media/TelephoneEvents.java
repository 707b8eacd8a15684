package com.calldesk.media;

import static com.calldesk.media.CustomerDigits.NONE;

import java.nio.ByteBuffer;

/**
 * Key presses in one side's RFC 4733 (formerly RFC 2833) telephone-event packets. A sender repeats
 * every event many times (its duration grows, the last three carry the end bit), and all of them keep
 * the RTP timestamp of the key press: the timestamp is what makes a press, so a press is reported at
 * the first of its packets that arrives, whichever that is (the start packets may be lost), and its
 * other packets, duplicates included, are ignored. Relay thread only.
 */
final class TelephoneEvents {

	/** The DTMF event codes 0-15 of RFC 4733; the higher ones are line events and tones, not keys. */
	private static final String KEYS = "0123456789*#ABCD";

	/** A reordered packet is never this late (5 s at 8 kHz); an older timestamp is a stream that started over. */
	private static final int RESTART = 5 * Timeline.RATE;

	private boolean seen;

	private int ssrc;

	private long timestamp;

	private int event;

	private boolean ended;

	/** The largest duration seen for the current event. */
	private int duration;

	/** The key pressed in this packet if it is the first one of a key press seen, else {@link CustomerDigits#NONE}. */
	char packet(ByteBuffer packet) {
		int offset = Rtp.payloadOffset(packet);
		if (packet.remaining() - offset - Rtp.paddingLength(packet) < 4) {
			return NONE;
		}
		int at = packet.position() + offset;
		int code = packet.get(at) & 0xFF;
		boolean end = (packet.get(at + 1) & 0x80) != 0;
		int length = packet.getShort(at + 2) & 0xFFFF;
		long packetTimestamp = Rtp.timestamp(packet);
		int packetSsrc = Rtp.ssrc(packet);
		boolean continued = false;
		if (seen && packetSsrc == ssrc) {
			int age = (int) (packetTimestamp - timestamp);
			if (age == 0) {
				ended |= end;
				duration = Math.max(duration, length);
				return NONE;
			}
			if (age < 0 && age > -RESTART) {
				return NONE;
			}
			// a key held longer than the 16-bit duration goes on in a new segment stamped where the last one
			// ended (RFC 4733 long-duration events): the same press
			continued = age > 0 && !ended && code == event && age == duration;
		}
		seen = true;
		ssrc = packetSsrc;
		timestamp = packetTimestamp;
		event = code;
		ended = end;
		duration = length;
		return continued || code >= KEYS.length() ? NONE : KEYS.charAt(code);
	}
}
