package com.calldesk.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit PCM 8 kHz WAV written as it goes. The header's sizes are rewritten from time to time, not
 * only at the end, so a file cut short by a crash still plays up to its last header update.
 */
final class WavFile implements AutoCloseable {

	static final int HEADER = 44;

	/** RIFF sizes are 32-bit; past this the file stops growing (about 37 hours of stereo). */
	static final long MAX_DATA = 0xFFFFFFFFL - 36 - 1;

	private final FileChannel file;

	private final int channels;

	private long dataBytes;

	private long headerDataBytes = -1;

	private WavFile(FileChannel file, int channels) {
		this.file = file;
		this.channels = channels;
	}

	/** Creates the file with an empty but valid header, so it plays even if nothing ever follows. */
	static void create(Path path, int channels) throws IOException {
		try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			file.write(header(channels, 0), 0);
		}
	}

	static WavFile append(Path path, int channels) throws IOException {
		WavFile wav = new WavFile(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE), channels);
		wav.file.truncate(HEADER);
		wav.file.write(header(channels, 0), 0);
		return wav;
	}

	static ByteBuffer header(int channels, long dataBytes) {
		int blockAlign = channels * 2;
		ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
		header.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
		header.putShort((short) 1).putShort((short) channels).putInt(Timeline.RATE).putInt(Timeline.RATE * blockAlign);
		header.putShort((short) blockAlign).putShort((short) 16);
		header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
		return header.flip();
	}

	/** Appends whole frames; returns false once the 4 GiB limit of the format is reached. */
	boolean write(ByteBuffer pcm) throws IOException {
		if (dataBytes + pcm.remaining() > MAX_DATA) {
			return false;
		}
		while (pcm.hasRemaining()) {
			dataBytes += file.write(pcm, HEADER + dataBytes);
		}
		return true;
	}

	/** Writes the sizes into the header if they changed; data first, sizes after, never the reverse. */
	void updateHeader() throws IOException {
		if (headerDataBytes == dataBytes) {
			return;
		}
		ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
		file.write(size.putInt(0, (int) (36 + dataBytes)), 4);
		file.write(size.clear().putInt(0, (int) dataBytes), 40);
		headerDataBytes = dataBytes;
	}

	long dataBytes() {
		return dataBytes;
	}

	int channels() {
		return channels;
	}

	@Override
	public void close() throws IOException {
		try {
			updateHeader();
		}
		finally {
			file.close();
		}
	}
}
