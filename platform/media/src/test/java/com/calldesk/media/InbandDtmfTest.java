package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key presses heard in G.711 audio: the tone pairs, and the sounds that must not count as keys. */
class InbandDtmfTest {

	private final InbandDtmf detector = new InbandDtmf();

	private String hear(short[] audio, int payloadType) {
		return hear(RtpPeer.audio(audio, payloadType, 0x5151, 0xFFFFF000L), payloadType);
	}

	private String hear(List<byte[]> packets, int payloadType) {
		StringBuilder keys = new StringBuilder();
		for (byte[] packet : packets) {
			char key = detector.packet(ByteBuffer.wrap(packet), payloadType);
			if (key != CustomerDigits.NONE) {
				keys.append(key);
			}
		}
		return keys.toString();
	}

	private static short[] dialled(String keys, int onMillis, int offMillis) {
		List<short[]> parts = new ArrayList<>();
		parts.add(KeyTones.silence(offMillis));
		for (char key : keys.toCharArray()) {
			parts.add(KeyTones.key(key, onMillis));
			parts.add(KeyTones.silence(offMillis));
		}
		return KeyTones.join(parts.toArray(short[][]::new));
	}

	@ParameterizedTest
	@ValueSource(ints = { G711.PCMU, G711.PCMA })
	void everyKeyIsHeardOnceInEitherLaw(int payloadType) {
		assertThat(hear(dialled(KeyTones.KEYS, 100, 100), payloadType)).isEqualTo(KeyTones.KEYS);
	}

	@Test
	void fastDiallingAtTheShortestTimingsOfQ24() {
		assertThat(hear(dialled("0123456789#", 45, 45), G711.PCMU)).isEqualTo("0123456789#");
	}

	@Test
	void theSameKeyTwiceIsTwoPresses() {
		assertThat(hear(dialled("##", 80, 50), G711.PCMU)).isEqualTo("##");
	}

	@Test
	void aLongPressIsOnePress() {
		assertThat(hear(dialled("5", 2000, 100), G711.PCMA)).isEqualTo("5");
	}

	@Test
	void aBlipShorterThanAKeyPressIsNotOne() {
		assertThat(hear(dialled("1", 25, 100), G711.PCMU)).isEmpty();
	}

	@Test
	void quietKeysWithinTheTwistLimitsAreHeard() {
		short[] audio = KeyTones.join(KeyTones.silence(60), KeyTones.key('1', 100, -25, -25), KeyTones.silence(60),
				KeyTones.key('2', 100, -10, -17), KeyTones.silence(60), KeyTones.key('3', 100, -13, -10), KeyTones.silence(60));

		assertThat(hear(audio, G711.PCMU)).isEqualTo("123");
	}

	@Test
	void tooQuietOrTooLopsidedIsNotAKey() {
		short[] audio = KeyTones.join(KeyTones.silence(60), KeyTones.key('1', 200, -38, -38), KeyTones.silence(60),
				KeyTones.key('2', 200, -8, -20), KeyTones.silence(60), KeyTones.key('3', 200, -18, -8), KeyTones.silence(60));

		assertThat(hear(audio, G711.PCMU)).isEmpty();
	}

	@Test
	void singleTonesSilenceAndDialToneAreNotKeys() {
		short[] audio = KeyTones.join(KeyTones.silence(300), Tone.sine(697, 4000, KeyTones.amplitude(-5), 0),
				Tone.sine(1209, 4000, KeyTones.amplitude(-5), 0), Tone.sine(1000, 4000, KeyTones.amplitude(-5), 0),
				KeyTones.mix(Tone.sine(350, 8000, KeyTones.amplitude(-13), 0), Tone.sine(440, 8000, KeyTones.amplitude(-13), 0)));

		assertThat(hear(audio, G711.PCMU)).isEmpty();
	}

	@Test
	void speechAndNoiseAreNotKeys() {
		for (long seed = 1; seed <= 5; seed++) {
			assertThat(hear(KeyTones.speech(10_000, seed), G711.PCMU)).as("speech %d", seed).isEmpty();
			assertThat(hear(KeyTones.noise(2000, 3000, seed), G711.PCMA)).as("noise %d", seed).isEmpty();
		}
	}

	@Test
	void aKeyOverQuietNoiseIsStillHeard() {
		short[] audio = KeyTones.mix(KeyTones.noise(400, 300, 7), KeyTones.join(KeyTones.silence(100), KeyTones.key('7', 150), KeyTones.silence(150)));

		assertThat(hear(audio, G711.PCMU)).isEqualTo("7");
	}

	@Test
	void aLostPacketInsideAPressDoesNotMakeTwo() {
		List<byte[]> packets = new ArrayList<>(RtpPeer.audio(dialled("8", 300, 100), G711.PCMU, 0x5151, 1000));
		packets.remove(10);

		assertThat(hear(packets, G711.PCMU)).isEqualTo("8");
	}

	@Test
	void silenceSuppressedBetweenTwoPressesOfOneKeyStillSeparatesThem() {
		// a sender with voice activity detection sends nothing between the presses: only the timestamps jump
		List<byte[]> first = RtpPeer.audio(KeyTones.key('4', 100), G711.PCMU, 0x5151, 1000);
		List<byte[]> second = RtpPeer.audio(KeyTones.key('4', 100), G711.PCMU, 0x5151, 1000 + 800 + 480);
		List<byte[]> packets = new ArrayList<>(first);
		packets.addAll(second);

		assertThat(hear(packets, G711.PCMU)).isEqualTo("44");
	}

	@Test
	void duplicatedAndLatePacketsAreSkipped() {
		List<byte[]> packets = new ArrayList<>(RtpPeer.audio(dialled("6", 200, 60), G711.PCMU, 0x5151, 1000));
		packets.add(6, packets.get(5));
		packets.add(9, packets.get(3));

		assertThat(hear(packets, G711.PCMU)).isEqualTo("6");
	}
}
