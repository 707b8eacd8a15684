package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4733 key presses: one report per press, whatever was lost, repeated or late. */
class TelephoneEventsTest {

	static final int PT = 101;

	static final int SSRC = 0x0A0B0C0D;

	private final TelephoneEvents events = new TelephoneEvents();

	/** One telephone-event packet, byte by byte (RFC 3550 header, then RFC 4733 payload). */
	static byte[] event(int ssrc, int sequence, long timestamp, boolean marker, int code, boolean end, int duration) {
		return new byte[] {
				(byte) 0x80, (byte) ((marker ? 0x80 : 0) | PT), (byte) (sequence >> 8), (byte) sequence,
				(byte) (timestamp >> 24), (byte) (timestamp >> 16), (byte) (timestamp >> 8), (byte) timestamp,
				(byte) (ssrc >> 24), (byte) (ssrc >> 16), (byte) (ssrc >> 8), (byte) ssrc,
				(byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration };
	}

	/** A press as a phone sends it: a start packet, four updates every 20 ms, three end packets. */
	static List<byte[]> press(int code, int firstSequence, long timestamp) {
		List<byte[]> packets = new ArrayList<>();
		for (int n = 0; n < 5; n++) {
			packets.add(event(SSRC, firstSequence + n, timestamp, n == 0, code, false, 160 * (n + 1)));
		}
		for (int n = 0; n < 3; n++) {
			packets.add(event(SSRC, firstSequence + 5 + n, timestamp, false, code, true, 960));
		}
		return packets;
	}

	private String feed(List<byte[]> packets) {
		StringBuilder keys = new StringBuilder();
		for (byte[] packet : packets) {
			char key = events.packet(ByteBuffer.wrap(packet));
			if (key != CustomerDigits.NONE) {
				keys.append(key);
			}
		}
		return keys.toString();
	}

	@Test
	void aPressIsReportedOnceAtItsFirstPacket() {
		List<byte[]> press = press(11, 100, 8000);

		assertThat(events.packet(ByteBuffer.wrap(press.get(0)))).isEqualTo('#');
		assertThat(feed(press.subList(1, press.size()))).isEmpty();
	}

	@Test
	void everyKeyHasItsCode() {
		List<byte[]> packets = new ArrayList<>();
		for (int code = 0; code < 16; code++) {
			packets.addAll(press(code, 100 + code * 8, 8000 + code * 2000L));
		}

		assertThat(feed(packets)).isEqualTo("0123456789*#ABCD");
	}

	@Test
	void theSameKeyTwiceIsTwoPresses() {
		List<byte[]> packets = new ArrayList<>(press(5, 100, 8000));
		packets.addAll(press(5, 108, 10400));

		assertThat(feed(packets)).isEqualTo("55");
	}

	@Test
	void aPressWhoseFirstPacketsWereLostIsReportedAtTheFirstThatCame() {
		List<byte[]> onlyTheEnd = press(1, 100, 8000).subList(5, 8);

		assertThat(feed(onlyTheEnd)).isEqualTo("1");
	}

	@Test
	void duplicatesAndLatePacketsOfAnEarlierPressAreNotPresses() {
		List<byte[]> first = press(2, 100, 8000);
		List<byte[]> second = press(3, 108, 10400);
		List<byte[]> packets = new ArrayList<>();
		packets.add(first.get(0));
		packets.add(first.get(0));
		packets.addAll(first.subList(1, 6));
		packets.add(second.get(0));
		// the first press's last end packets overtaken by the second press
		packets.addAll(first.subList(6, 8));
		packets.addAll(second.subList(1, 8));

		assertThat(feed(packets)).isEqualTo("23");
	}

	@Test
	void eventsOtherThanKeysAreIgnored() {
		// 16 is hook flash, 32 a modem answer tone
		assertThat(feed(List.of(event(SSRC, 1, 8000, true, 16, false, 160), event(SSRC, 2, 9000, true, 32, false, 160)))).isEmpty();
		assertThat(events.packet(ByteBuffer.wrap(new byte[] { (byte) 0x80, (byte) PT, 0, 3, 0, 0, 0x30, 0, 0, 0, 0, 1, 5 }))).isEqualTo(CustomerDigits.NONE);
	}

	@Test
	void aKeyHeldPastTheLongestDurationIsStillOnePress() {
		List<byte[]> packets = new ArrayList<>();
		packets.add(event(SSRC, 1, 8000, true, 9, false, 160));
		packets.add(event(SSRC, 2, 8000, false, 9, false, 0xFFFF));
		// the next segment starts where the first one's duration ended
		packets.add(event(SSRC, 3, 8000 + 0xFFFF, false, 9, false, 160));
		packets.add(event(SSRC, 4, 8000 + 0xFFFF, false, 9, true, 400));

		assertThat(feed(packets)).isEqualTo("9");
	}

	@Test
	void aNewStreamStartsOver() {
		List<byte[]> packets = new ArrayList<>(press(4, 100, 800_000));
		// another SSRC (the trunk moved the call) whose clock is behind the old one
		packets.add(event(SSRC + 1, 7, 1000, true, 4, false, 160));

		assertThat(feed(packets)).isEqualTo("44");
	}
}
