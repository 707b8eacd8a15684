package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

	@Test
	void muLawDecodesTheKnownValues() {
		assertThat(G711.decodeUlaw((byte) 0xFF)).isEqualTo((short) 0);
		assertThat(G711.decodeUlaw((byte) 0x00)).isEqualTo((short) -32124);
		assertThat(G711.decodeUlaw((byte) 0x80)).isEqualTo((short) 32124);
		assertThat(G711.decodeUlaw((byte) 0x7F)).isEqualTo((short) 0);
	}

	@Test
	void aLawDecodesTheKnownValues() {
		assertThat(G711.decodeAlaw((byte) 0xD5)).isEqualTo((short) 8);
		assertThat(G711.decodeAlaw((byte) 0x55)).isEqualTo((short) -8);
		assertThat(G711.decodeAlaw((byte) 0xAA)).isEqualTo((short) 32256);
		assertThat(G711.decodeAlaw((byte) 0x2A)).isEqualTo((short) -32256);
	}

	@Test
	void everyCodeSurvivesDecodeThenEncode() {
		for (int code = 0; code < 256; code++) {
			byte b = (byte) code;
			assertThat(G711.encodeAlaw(G711.decodeAlaw(b))).as("A-law %02x", code).isEqualTo(b);
			if (code != 0x7F) {
				// 0x7F is μ-law's "negative zero": it decodes to 0, which encodes as 0xFF
				assertThat(G711.encodeUlaw(G711.decodeUlaw(b))).as("μ-law %02x", code).isEqualTo(b);
			}
		}
	}

	@Test
	void everySampleComesBackWithinItsQuantisationStep() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			short s = (short) sample;
			// the step doubles with each segment: about 1/16 of the magnitude, at least 16 near zero
			int tolerance = Math.max(16, Math.abs(sample) / 16);
			assertThat(Math.abs(G711.decodeUlaw(G711.encodeUlaw(s)) - sample)).as("μ-law %d", sample).isLessThanOrEqualTo(tolerance);
			assertThat(Math.abs(G711.decodeAlaw(G711.encodeAlaw(s)) - sample)).as("A-law %d", sample).isLessThanOrEqualTo(tolerance);
		}
	}

	@Test
	void silenceIsZeroInBothLaws() {
		assertThat(G711.decode(G711.PCMU, G711.silence(G711.PCMU))).isZero();
		assertThat(Math.abs(G711.decode(G711.PCMA, G711.silence(G711.PCMA)))).isLessThanOrEqualTo(8);
	}
}
