package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording's time axis, driven directly with chunks and made-up arrival times. */
class RecordingTest {

	@TempDir
	Path dir;

	private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);

	@Test
	void eachDirectionStartsWhenItsFirstPacketArrivedAndGapsAreSilence() throws Exception {
		Recording recording = new Recording(dir.resolve("call.wav"), 2, Long.MAX_VALUE);
		long t0 = 1_000_000_000L;
		// customer: 20 ms of loud audio at t0, then (after a 180 ms gap in its timestamps) 20 ms more
		recording.add(chunk(recording, 0, 100, t0), scratch);
		recording.add(chunk(recording, 0, 100 + 1600, t0 + 200_000_000L), scratch);
		// agent: starts one second later, A-law
		recording.add(chunk(recording, 1, 555, t0 + 1_000_000_000L), scratch);
		recording.finish(scratch);

		WaveFile wav = WaveFile.read(dir.resolve("call.wav"));
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.seconds()).isEqualTo((8000 + 160) / 8000.0);
		short[] left = wav.samples()[0];
		short[] right = wav.samples()[1];
		assertThat(nonZero(left, 0, 160)).isEqualTo(160);
		assertThat(nonZero(left, 160, 1600)).isZero();
		assertThat(nonZero(left, 1600, 1760)).isEqualTo(160);
		assertThat(nonZero(right, 0, 8000)).isZero();
		assertThat(nonZero(right, 8000, 8160)).isEqualTo(160);
	}

	@Test
	void aCaptureStopsAtItsMaximumLength() throws Exception {
		Recording capture = new Recording(dir.resolve("voicemail.wav"), 1, 400);

		assertThat(capture.add(chunk(capture, 0, 0, 0), scratch)).isFalse();
		assertThat(capture.add(chunk(capture, 0, 160, 20_000_000L), scratch)).isFalse();
		assertThat(capture.add(chunk(capture, 0, 320, 40_000_000L), scratch)).isTrue();
		capture.finish(scratch);

		WaveFile wav = WaveFile.read(dir.resolve("voicemail.wav"));
		assertThat(wav.channels()).isEqualTo(1);
		assertThat(wav.samples()[0]).hasSize(400);
		assertThat(capture.finished()).isCompletedWithValue(dir.resolve("voicemail.wav"));
	}

	@Test
	void aRelayFallingBehindUntilTheEndOfTheCallDoesNotLengthenTheRecording() throws Exception {
		// 20 s of steady 20 ms packets both ways, read ever later from 10 s on: 2.5 s late at the end
		WaveFile wav = deliver("behind.wav", sent -> sent < 10_000 ? 0 : (sent - 10_000) / 4);

		assertThat(wav.samples()[0]).hasSize(CALL_FRAMES + 80);
		assertThat(nonZero(wav.samples()[0], 0, CALL_FRAMES)).isEqualTo(CALL_FRAMES);
		assertThat(nonZero(wav.samples()[1], 80, CALL_FRAMES + 80)).isEqualTo(CALL_FRAMES);
	}

	@Test
	void aRelayThatStalledAndCaughtUpLeavesNoGap() throws Exception {
		// the relay reads nothing from 5 s to 8 s, then what waited comes out in a burst
		WaveFile wav = deliver("stall.wav", sent -> sent >= 5_000 && sent < 8_000 ? 8_000 - sent : 0);

		assertThat(wav.samples()[0]).hasSize(CALL_FRAMES + 80);
		assertThat(nonZero(wav.samples()[0], 0, CALL_FRAMES)).isEqualTo(CALL_FRAMES);
		assertThat(nonZero(wav.samples()[1], 80, CALL_FRAMES + 80)).isEqualTo(CALL_FRAMES);
	}

	private static final int PACKETS = 1000;

	private static final int CALL_FRAMES = PACKETS * 160;

	/**
	 * Plays a 20 s call through a recording as the recorder would see it: the customer's packets sent
	 * every 20 ms from 0, the agent's 10 ms later, each read {@code lateness(sent ms)} ms after it was sent
	 * (but never before the packet ahead of it on its socket), ticked every 200 ms.
	 */
	private WaveFile deliver(String name, java.util.function.LongUnaryOperator lateness) throws Exception {
		Recording recording = new Recording(dir.resolve(name), 2, Long.MAX_VALUE);
		record Arrival(int channel, int index, long nanos) {
		}
		java.util.List<Arrival> arrivals = new java.util.ArrayList<>();
		for (int channel = 0; channel < 2; channel++) {
			long previous = -10_000;
			for (int i = 0; i < PACKETS; i++) {
				long sentMillis = 20L * i + 10L * channel;
				long read = Math.max(previous + 10_000, (sentMillis + lateness.applyAsLong(sentMillis)) * 1_000_000L);
				arrivals.add(new Arrival(channel, i, read));
				previous = read;
			}
		}
		arrivals.sort(java.util.Comparator.comparingLong(Arrival::nanos));
		long t0 = 1_000_000_000L;
		long nextTick = 0;
		for (Arrival arrival : arrivals) {
			while (arrival.nanos() >= nextTick) {
				recording.tick(t0 + nextTick, scratch);
				nextTick += 200_000_000L;
			}
			recording.add(chunk(recording, arrival.channel(), 5000 + 160L * arrival.index(), t0 + arrival.nanos()), scratch);
		}
		recording.finish(scratch);
		return WaveFile.read(dir.resolve(name));
	}

	/** Customer (channel 0) in PCMU, agent (channel 1) in PCMA. */
	private static Recorder.Chunk chunk(Recording target, int channel, long timestamp, long arrivalNanos) {
		int payloadType = channel == 0 ? G711.PCMU : G711.PCMA;
		byte[] payload = new byte[160];
		Arrays.fill(payload, G711.encode(payloadType, (short) 20000));
		return new Recorder.Chunk(target, channel, 42 + channel, timestamp, payloadType, payload, arrivalNanos);
	}

	private static int nonZero(short[] samples, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (samples[i] != 0) {
				count++;
			}
		}
		return count;
	}
}
