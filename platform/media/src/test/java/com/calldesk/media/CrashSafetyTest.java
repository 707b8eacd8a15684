package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash mid-call would leave on disk: the file is read while the call is still going. */
class CrashSafetyTest {

	@TempDir
	Path recordings;

	@Test
	void anUnclosedRecordingAlreadyPlaysTheAudioOfAllButTheLastSeconds() throws Exception {
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), recordings));
				RtpPeer customer = new RtpPeer()) {
			MediaSession session = relay.open("crash-1", "acme");

			RtpPeer.paced(RtpPeer.tone(440, 150, G711.PCMU, 0x66666666), customer, session.customerPort());

			// at least one second must be declared by the header without close() ever being called
			AtomicReference<WaveFile> onDisk = new AtomicReference<>();
			Await.until("a header describing 1 s of audio", Duration.ofSeconds(5), () -> {
				onDisk.set(read(session.recording()));
				return onDisk.get() != null && onDisk.get().dataSize() >= 8000 * 4;
			});
			WaveFile wav = onDisk.get();
			assertThat(wav.riffSize()).isEqualTo(36 + wav.dataSize());
			assertThat(wav.fileSize()).isGreaterThanOrEqualTo(44 + wav.dataSize());
			short[] left = wav.channel(0, 0.1, 0.9);
			assertThat(Tone.power(left, 440)).isGreaterThan(100 * Tone.power(left, 1000));
		}
	}

	private static WaveFile read(Path path) {
		try {
			return WaveFile.read(path);
		}
		catch (Exception e) {
			return null;
		}
	}
}
