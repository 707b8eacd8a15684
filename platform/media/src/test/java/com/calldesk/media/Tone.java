package com.calldesk.media;

/** Test audio: sine tones in, Goertzel power per frequency out. */
final class Tone {

	private Tone() {
	}

	static short[] sine(double hertz, int samples, int amplitude, int startSample) {
		short[] tone = new short[samples];
		for (int i = 0; i < samples; i++) {
			tone[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * (startSample + i) / 8000.0));
		}
		return tone;
	}

	/** Power of one frequency in the samples (Goertzel's algorithm, 8 kHz). */
	static double power(short[] samples, double hertz) {
		double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000.0);
		double previous = 0;
		double beforePrevious = 0;
		for (short sample : samples) {
			double current = sample + coefficient * previous - beforePrevious;
			beforePrevious = previous;
			previous = current;
		}
		return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
	}
}
