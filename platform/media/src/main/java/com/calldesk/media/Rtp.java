package com.calldesk.media;

import java.nio.ByteBuffer;

/**
 * Reading RTP headers (RFC 3550) in place, without copying, because the relay forwards the packet
 * bytes as they came and only looks inside to latch, count and record.
 */
final class Rtp {

	static final int HEADER = 12;

	private Rtp() {
	}

	/** Version 2 and long enough for its own header: anything else (STUN, garbage) is not relayed. */
	static boolean isRtp(ByteBuffer packet) {
		int length = packet.remaining();
		if (length < HEADER || ((packet.get(packet.position()) & 0xC0) >> 6) != 2) {
			return false;
		}
		return payloadOffset(packet) <= length - paddingLength(packet);
	}

	static int payloadType(ByteBuffer packet) {
		return packet.get(packet.position() + 1) & 0x7F;
	}

	static int sequence(ByteBuffer packet) {
		return packet.getShort(packet.position() + 2) & 0xFFFF;
	}

	static long timestamp(ByteBuffer packet) {
		return packet.getInt(packet.position() + 4) & 0xFFFFFFFFL;
	}

	static int ssrc(ByteBuffer packet) {
		return packet.getInt(packet.position() + 8);
	}

	/** Offset of the payload from the packet start, past CSRCs and a header extension. */
	static int payloadOffset(ByteBuffer packet) {
		int start = packet.position();
		int first = packet.get(start) & 0xFF;
		int offset = HEADER + 4 * (first & 0x0F);
		if ((first & 0x10) != 0) {
			if (packet.remaining() < offset + 4) {
				return Integer.MAX_VALUE / 2;
			}
			offset += 4 + 4 * (packet.getShort(start + offset + 2) & 0xFFFF);
		}
		return offset;
	}

	static int paddingLength(ByteBuffer packet) {
		int start = packet.position();
		if ((packet.get(start) & 0x20) == 0) {
			return 0;
		}
		return packet.get(start + packet.remaining() - 1) & 0xFF;
	}

	/** A copy of the payload, for the recorder queue (the receive buffer is reused at once). */
	static byte[] payload(ByteBuffer packet) {
		int offset = payloadOffset(packet);
		int length = packet.remaining() - offset - paddingLength(packet);
		byte[] payload = new byte[Math.max(0, length)];
		packet.get(packet.position() + offset, payload);
		return payload;
	}

	/** Writes a plain header (no CSRC, no extension), as prompts need. */
	static void writeHeader(ByteBuffer out, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
		out.put((byte) 0x80);
		out.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
		out.putShort((short) sequence);
		out.putInt((int) timestamp);
		out.putInt(ssrc);
	}
}
