package com.calldesk.media;

/**
 * ITU-T G.711 μ-law (RTP payload type 0) and A-law (8), as in the reference implementation. Decoding
 * goes through 256-entry tables built once, because the writer thread decodes every recorded byte.
 */
public final class G711 {

	public static final int PCMU = 0;

	public static final int PCMA = 8;

	/** μ-law bias added before the segment search (33 in 14-bit units, times 4). */
	private static final int ULAW_BIAS = 0x84;

	private static final int ULAW_CLIP = 32635;

	private static final short[] ULAW = new short[256];

	private static final short[] ALAW = new short[256];

	static {
		for (int i = 0; i < 256; i++) {
			ULAW[i] = (short) ulawToLinear(i);
			ALAW[i] = (short) alawToLinear(i);
		}
	}

	private G711() {
	}

	public static short decodeUlaw(byte code) {
		return ULAW[code & 0xFF];
	}

	public static short decodeAlaw(byte code) {
		return ALAW[code & 0xFF];
	}

	/** True for the payload types this class can decode and encode. */
	public static boolean supports(int payloadType) {
		return payloadType == PCMU || payloadType == PCMA;
	}

	public static short decode(int payloadType, byte code) {
		return payloadType == PCMA ? decodeAlaw(code) : decodeUlaw(code);
	}

	public static byte encode(int payloadType, short sample) {
		return payloadType == PCMA ? encodeAlaw(sample) : encodeUlaw(sample);
	}

	/** The code a silent frame is filled with (the two laws put zero in different places). */
	public static byte silence(int payloadType) {
		return payloadType == PCMA ? (byte) 0xD5 : (byte) 0xFF;
	}

	public static byte encodeUlaw(short sample) {
		int pcm = sample;
		int sign = (pcm >> 8) & 0x80;
		if (sign != 0) {
			pcm = -pcm;
		}
		if (pcm > ULAW_CLIP) {
			pcm = ULAW_CLIP;
		}
		pcm += ULAW_BIAS;
		int exponent = 7;
		for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
			exponent--;
		}
		int mantissa = (pcm >> (exponent + 3)) & 0x0F;
		return (byte) ~(sign | (exponent << 4) | mantissa);
	}

	public static byte encodeAlaw(short sample) {
		int pcm = sample >> 3;
		int mask;
		if (pcm >= 0) {
			mask = 0xD5;
		}
		else {
			mask = 0x55;
			pcm = -pcm - 1;
		}
		int segment = 0;
		while (segment < 8 && pcm > (0x20 << segment) - 1) {
			segment++;
		}
		if (segment >= 8) {
			return (byte) (0x7F ^ mask);
		}
		int code = segment << 4;
		code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
		return (byte) (code ^ mask);
	}

	private static int ulawToLinear(int code) {
		int u = ~code & 0xFF;
		int t = ((u & 0x0F) << 3) + ULAW_BIAS;
		t <<= (u & 0x70) >> 4;
		return (u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS;
	}

	private static int alawToLinear(int code) {
		int a = (code ^ 0x55) & 0xFF;
		int t = (a & 0x0F) << 4;
		int segment = (a & 0x70) >> 4;
		if (segment == 0) {
			t += 8;
		}
		else {
			t = (t + 0x108) << (segment - 1);
		}
		return (a & 0x80) != 0 ? t : -t;
	}
}
