package com.calldesk.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the prompts' one format: a WAV of 16-bit PCM, mono, 8 kHz, which G.711 encodes without resampling. */
final class PromptAudio {

	private PromptAudio() {
	}

	static short[] read(Path wav) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.remaining() < 12 || bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
			throw new IllegalArgumentException(wav + " is not a WAV file");
		}
		boolean formatOk = false;
		int at = 12;
		while (at + 8 <= bytes.limit()) {
			int id = bytes.getInt(at);
			long size = bytes.getInt(at + 4) & 0xFFFFFFFFL;
			int body = at + 8;
			if (id == 0x20746D66) {
				formatOk = size >= 16 && bytes.getShort(body) == 1 && bytes.getShort(body + 2) == 1 && bytes.getInt(body + 4) == Timeline.RATE
						&& bytes.getShort(body + 14) == 16;
			}
			else if (id == 0x61746164) {
				if (!formatOk) {
					throw new IllegalArgumentException(wav + " is not 16-bit PCM mono 8 kHz");
				}
				int length = (int) Math.min(size, bytes.limit() - body) / 2;
				short[] samples = new short[length];
				bytes.position(body);
				bytes.asShortBuffer().get(samples);
				return samples;
			}
			at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
		}
		throw new IllegalArgumentException(wav + " has no audio data");
	}
}
