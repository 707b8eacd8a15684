package com.calldesk.media;

import static com.calldesk.media.CustomerDigits.NONE;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Key presses sent as sound (ITU-T Q.23 tone pairs) in one side's G.711 audio, for trunks that agreed
 * no telephone-event. Goertzel's algorithm measures the eight DTMF frequencies over blocks of 102
 * samples (12.75 ms: short enough to time presses and gaps, long enough to tell neighbouring rows
 * apart); a block holds a key when both of its tones are loud enough, neither outweighs the other
 * beyond the twist limits, each clearly beats the other tones of its group, and the two carry most of
 * the block's energy (speech and music spread theirs). A key counts after {@link #PRESS_BLOCKS}
 * blocks in a row and counts again only after {@link #GAP_BLOCKS} blocks without it. Works on the
 * packet in place, with no allocation. Relay thread only.
 */
final class InbandDtmf {

	private static final int BLOCK = 102;

	/** 38 ms: about the 40 ms a key press lasts at the least; shorter blips are speech or noise. */
	private static final int PRESS_BLOCKS = 3;

	/** 38 ms of something else ends a press, so the same key pressed again counts again. */
	private static final int GAP_BLOCKS = 3;

	/** Rows (low group) first, then columns (high group). */
	private static final double[] HERTZ = { 697, 770, 852, 941, 1209, 1336, 1477, 1633 };

	private static final String KEYS = "123A456B789C*0#D";

	/** Peak of a 0 dBm0 sine in G.711's 16-bit linear scale (full scale is +3.17 dBm0 for μ-law). */
	private static final double DBM0_PEAK = 22700;

	/** Each tone at -30 dBm0 at least; Goertzel gives (amplitude × block / 2)² for a sine. */
	private static final double MIN_POWER = square(DBM0_PEAK * Math.pow(10, -30 / 20.0) * BLOCK / 2);

	/** The high tone may be up to 4 dB above the low one... */
	private static final double REVERSE_TWIST = decibels(4);

	/** ...and up to 8 dB below it, as lines lose more of the high frequencies. */
	private static final double NORMAL_TWIST = decibels(8);

	/** Each tone at least 8 dB above every other tone of its group. */
	private static final double RELATIVE_PEAK = decibels(8);

	/**
	 * The two tones carry at least this share of the block's energy. Tones 1.5 % off their frequency
	 * (the most ITU-T Q.24 asks to accept) still give about 0.78; on synthetic vowels whose formants
	 * sweep the rows and columns, 0.75 let through a quarter of the false keys 0.7 did.
	 */
	private static final double MIN_SHARE = 0.75;

	private static final double[] COEFFICIENTS = new double[HERTZ.length];

	static {
		for (int i = 0; i < HERTZ.length; i++) {
			COEFFICIENTS[i] = 2 * Math.cos(2 * Math.PI * HERTZ[i] / Timeline.RATE);
		}
	}

	private final double[] previous = new double[HERTZ.length];

	private final double[] beforePrevious = new double[HERTZ.length];

	private final double[] power = new double[HERTZ.length];

	private double energy;

	private int filled;

	private boolean started;

	private int ssrc;

	/** The RTP timestamp the next packet should carry if nothing was lost. */
	private long expected;

	/** The key the last blocks held, and how many blocks in a row held it. */
	private char candidate = NONE;

	private int run;

	/** The key reported and not released yet, and the blocks since one last held it. */
	private char pressed = NONE;

	private int gap;

	/** True while a reported key has not been released: it must be followed until it is. */
	boolean holding() {
		return pressed != NONE;
	}

	/** Forgets everything: the audio from here on is a new stream. */
	void reset() {
		started = false;
		pressed = NONE;
		gap = 0;
		candidate = NONE;
		run = 0;
		restartBlock();
	}

	/** The key that this packet's audio completes a press of, else {@link CustomerDigits#NONE}. */
	char packet(ByteBuffer packet, int payloadType) {
		int offset = Rtp.payloadOffset(packet);
		int length = packet.remaining() - offset - Rtp.paddingLength(packet);
		if (!follow(Rtp.ssrc(packet), Rtp.timestamp(packet), length)) {
			return NONE;
		}
		char key = NONE;
		int at = packet.position() + offset;
		for (int i = 0; i < length; i++) {
			if (add(G711.decode(payloadType, packet.get(at + i)))) {
				char completed = track(classify());
				if (completed != NONE) {
					key = completed;
				}
				restartBlock();
			}
		}
		return key;
	}

	/**
	 * Keeps blocks to contiguous audio: lost packets and silence suppression leave gaps in the RTP
	 * timestamps, and a gap must count as time without the key, or two presses of one key would merge.
	 * False for a packet to skip (a late one, whose time has passed).
	 */
	private boolean follow(int packetSsrc, long timestamp, int samples) {
		if (started && packetSsrc == ssrc) {
			int missing = (int) (timestamp - expected);
			if (missing < 0 && missing > -Timeline.RATE) {
				return false;
			}
			if (missing > 0 && missing < Timeline.RATE) {
				restartBlock();
				for (int blocks = Math.min(Math.max(1, missing / BLOCK), GAP_BLOCKS); blocks > 0; blocks--) {
					track(NONE);
				}
			}
			else if (missing != 0) {
				reset();
			}
		}
		else if (started) {
			reset();
		}
		started = true;
		ssrc = packetSsrc;
		expected = (timestamp + samples) & 0xFFFFFFFFL;
		return true;
	}

	/** True when the sample completes a block. */
	private boolean add(short sample) {
		for (int i = 0; i < HERTZ.length; i++) {
			double current = sample + COEFFICIENTS[i] * previous[i] - beforePrevious[i];
			beforePrevious[i] = previous[i];
			previous[i] = current;
		}
		energy += (double) sample * sample;
		return ++filled == BLOCK;
	}

	private char classify() {
		for (int i = 0; i < HERTZ.length; i++) {
			power[i] = previous[i] * previous[i] + beforePrevious[i] * beforePrevious[i] - COEFFICIENTS[i] * previous[i] * beforePrevious[i];
		}
		int row = strongest(0);
		int column = strongest(4);
		double low = power[row];
		double high = power[column];
		if (low < MIN_POWER || high < MIN_POWER || high > low * REVERSE_TWIST || low > high * NORMAL_TWIST) {
			return NONE;
		}
		if (!dominant(row, 0) || !dominant(column, 4)) {
			return NONE;
		}
		// a sine's Goertzel power is its energy times half the block, hence the scale
		if (low + high < MIN_SHARE * energy * BLOCK / 2) {
			return NONE;
		}
		return KEYS.charAt(row * 4 + column - 4);
	}

	private int strongest(int first) {
		int best = first;
		for (int i = first + 1; i < first + 4; i++) {
			if (power[i] > power[best]) {
				best = i;
			}
		}
		return best;
	}

	private boolean dominant(int peak, int first) {
		for (int i = first; i < first + 4; i++) {
			if (i != peak && power[i] * RELATIVE_PEAK > power[peak]) {
				return false;
			}
		}
		return true;
	}

	/** One block's verdict in; the key if it completes a press. */
	private char track(char key) {
		if (key == pressed) {
			gap = 0;
		}
		else if (++gap >= GAP_BLOCKS) {
			pressed = NONE;
		}
		run = key == candidate ? run + 1 : 1;
		candidate = key;
		if (key != NONE && key != pressed && run >= PRESS_BLOCKS) {
			pressed = key;
			gap = 0;
			return key;
		}
		return NONE;
	}

	private void restartBlock() {
		Arrays.fill(previous, 0);
		Arrays.fill(beforePrevious, 0);
		energy = 0;
		filled = 0;
	}

	/** A power ratio. */
	private static double decibels(double db) {
		return Math.pow(10, db / 10);
	}

	private static double square(double x) {
		return x * x;
	}
}
