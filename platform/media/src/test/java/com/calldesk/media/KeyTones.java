package com.calldesk.media;

import java.util.Random;

/** Test audio for DTMF: the tone pairs of the keypad (ITU-T Q.23), and sounds that must not pass for them. */
final class KeyTones {

	static final String KEYS = "123A456B789C*0#D";

	private static final double[] ROWS = { 697, 770, 852, 941 };

	private static final double[] COLUMNS = { 1209, 1336, 1477, 1633 };

	private KeyTones() {
	}

	/** The peak of a sine at {@code dbm0} in G.711's 16-bit linear scale. */
	static int amplitude(double dbm0) {
		return (int) Math.round(22700 * Math.pow(10, dbm0 / 20));
	}

	static double row(char key) {
		return ROWS[KEYS.indexOf(key) / 4];
	}

	static double column(char key) {
		return COLUMNS[KEYS.indexOf(key) % 4];
	}

	/** A key pressed for {@code millis}, each tone at -10 dBm0. */
	static short[] key(char key, int millis) {
		return key(key, millis, -10, -10);
	}

	static short[] key(char key, int millis, double lowDbm0, double highDbm0) {
		return mix(Tone.sine(row(key), samples(millis), amplitude(lowDbm0), 0), Tone.sine(column(key), samples(millis), amplitude(highDbm0), 0));
	}

	static short[] silence(int millis) {
		return new short[samples(millis)];
	}

	/** White noise of the given RMS. */
	static short[] noise(int millis, int rms, long seed) {
		Random random = new Random(seed);
		short[] noise = new short[samples(millis)];
		for (int i = 0; i < noise.length; i++) {
			noise[i] = clip(random.nextGaussian() * rms);
		}
		return noise;
	}

	/**
	 * Voiced speech, roughly: a pitch that glides between 100 and 250 Hz with all its harmonics up to 3.4
	 * kHz, shaped by two formants that wander too, and a syllable rhythm in its loudness. Its harmonics
	 * pass through every DTMF frequency now and then.
	 */
	static short[] speech(int millis, long seed) {
		Random random = new Random(seed);
		short[] speech = new short[samples(millis)];
		double[] phases = new double[40];
		double pitchRate = 0.5 + random.nextDouble();
		double formantRate = 0.3 + random.nextDouble();
		for (int i = 0; i < speech.length; i++) {
			double t = i / 8000.0;
			double pitch = 175 + 75 * Math.sin(2 * Math.PI * pitchRate * t);
			double first = 700 + 300 * Math.sin(2 * Math.PI * formantRate * t);
			double second = 1400 + 500 * Math.cos(2 * Math.PI * formantRate * 1.3 * t);
			double loudness = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
			double sample = 0;
			for (int h = 1; h <= phases.length && h * pitch < 3400; h++) {
				phases[h - 1] += 2 * Math.PI * h * pitch / 8000;
				double f = h * pitch;
				double gain = 1 / (1 + square((f - first) / 150)) + 0.7 / (1 + square((f - second) / 200));
				sample += gain * Math.sin(phases[h - 1]);
			}
			speech[i] = clip(sample * loudness * 4000);
		}
		return speech;
	}

	static short[] mix(short[] a, short[] b) {
		short[] mixed = new short[Math.max(a.length, b.length)];
		for (int i = 0; i < mixed.length; i++) {
			mixed[i] = clip((i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0));
		}
		return mixed;
	}

	static short[] join(short[]... parts) {
		int length = 0;
		for (short[] part : parts) {
			length += part.length;
		}
		short[] joined = new short[length];
		int at = 0;
		for (short[] part : parts) {
			System.arraycopy(part, 0, joined, at, part.length);
			at += part.length;
		}
		return joined;
	}

	private static int samples(int millis) {
		return millis * 8;
	}

	private static short clip(double sample) {
		return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample)));
	}

	private static double square(double x) {
		return x * x;
	}
}
