package com.calldesk.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a WAV back the way a player would: only as much audio as its header declares. */
record WaveFile(int format, int channels, int rate, int bits, long riffSize, long dataSize, long fileSize, short[][] samples) {

	static WaveFile read(Path path) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157 || bytes.getInt(36) != 0x61746164) {
			throw new IOException(path + " has no canonical WAV header");
		}
		int channels = bytes.getShort(22);
		long dataSize = bytes.getInt(40) & 0xFFFFFFFFL;
		int frames = (int) Math.min(dataSize, bytes.limit() - 44) / (2 * channels);
		short[][] samples = new short[channels][frames];
		for (int f = 0; f < frames; f++) {
			for (int c = 0; c < channels; c++) {
				samples[c][f] = bytes.getShort(44 + (f * channels + c) * 2);
			}
		}
		return new WaveFile(bytes.getShort(20), channels, bytes.getInt(24), bytes.getShort(34), bytes.getInt(4) & 0xFFFFFFFFL, dataSize,
				bytes.limit(), samples);
	}

	static void writeMono(Path path, short[] samples) throws IOException {
		ByteBuffer out = WavFile.header(1, samples.length * 2L);
		ByteBuffer all = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		all.put(out);
		for (short sample : samples) {
			all.putShort(sample);
		}
		Files.write(path, all.array());
	}

	double seconds() {
		return samples[0].length / (double) rate;
	}

	short[] channel(int channel, double fromSecond, double toSecond) {
		int from = (int) (fromSecond * rate);
		int to = Math.min(samples[channel].length, (int) (toSecond * rate));
		return java.util.Arrays.copyOfRange(samples[channel], from, to);
	}

	/** First frame where the channel is clearly not silent, or -1. */
	int onset(int channel) {
		for (int i = 0; i < samples[channel].length; i++) {
			if (Math.abs(samples[channel][i]) > 1000) {
				return i;
			}
		}
		return -1;
	}
}
