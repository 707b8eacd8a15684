package com.calldesk.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tone files for the peers to play, and a Goertzel filter to tell which tone a recorded channel carries. */
public final class Tones {

	private Tones() {
	}

	/** An 8 kHz mono 16-bit WAV of a sine, made with sox as ANCHORS describes. */
	public static Path sine(int hertz, int seconds) throws IOException, InterruptedException {
		Path file = Files.createTempFile("tone" + hertz, ".wav");
		Process sox = new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", file.toString(), "synth",
				Integer.toString(seconds), "sine", Integer.toString(hertz)).redirectErrorStream(true).start();
		if (!sox.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) || sox.exitValue() != 0) {
			throw new IOException("sox failed");
		}
		return file;
	}

	/** The samples of one channel of a 16-bit PCM WAV (0 = left). */
	public static short[] channel(Path wav, int channel) throws IOException {
		byte[] bytes = Files.readAllBytes(wav);
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int channels = buffer.getShort(22);
		int dataStart = 12;
		int dataLength = 0;
		while (dataStart + 8 <= bytes.length) {
			int chunk = buffer.getInt(dataStart);
			int size = buffer.getInt(dataStart + 4);
			if (chunk == 0x61746164) {
				dataLength = Math.min(size, bytes.length - dataStart - 8);
				dataStart += 8;
				break;
			}
			dataStart += 8 + size;
		}
		int frames = dataLength / (2 * channels);
		short[] samples = new short[frames];
		for (int i = 0; i < frames; i++) {
			samples[i] = buffer.getShort(dataStart + (i * channels + channel) * 2);
		}
		return samples;
	}

	/** Relative power of one frequency in the samples (Goertzel), normalised by their total energy. */
	public static double power(short[] samples, int hertz, int sampleRate) {
		double coefficient = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
		double previous = 0;
		double beforePrevious = 0;
		double energy = 1e-9;
		for (short sample : samples) {
			double value = sample + coefficient * previous - beforePrevious;
			beforePrevious = previous;
			previous = value;
			energy += (double) sample * sample;
		}
		double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
		return power / (energy * samples.length);
	}

}
