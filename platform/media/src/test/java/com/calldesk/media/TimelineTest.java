package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

	@Test
	void theFirstPacketGoesWhereItArrivedAndTheRestFollowTheirTimestamps() {
		Timeline timeline = new Timeline();

		assertThat(timeline.place(7, 5000, 800)).isEqualTo(800);
		assertThat(timeline.place(7, 5160, 1000)).isEqualTo(960);
		assertThat(timeline.place(7, 5320, 1100)).isEqualTo(1120);
	}

	@Test
	void aTimestampWrappingPast32BitsIsOneStepForward() {
		Timeline timeline = new Timeline();
		timeline.place(7, 0xFFFFFF60L, 0);

		assertThat(timeline.place(7, 0x00000000L, 160)).isEqualTo(160);
		assertThat(timeline.place(7, 0x000000A0L, 320)).isEqualTo(320);
	}

	@Test
	void aSilenceSuppressedGapStaysAGap() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		assertThat(timeline.place(7, 1000 + 5 * 8000, 5 * 8000 + 30)).isEqualTo(5 * 8000);
	}

	@Test
	void aJumpOfMoreThanTenSecondsStartsAgainAtTheWallClock() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		assertThat(timeline.place(7, 1000 + 60 * 8000, 320)).isEqualTo(320);
		assertThat(timeline.place(7, 1000 + 60 * 8000 + 160, 480)).isEqualTo(480);
	}

	@Test
	void aStreamThatResumesAfterASilenceFarBehindTheWallClockIsPulledBack() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		// a phone that stopped sending on hold and resumed where its timestamps left off: the packet
		// after the silence waits for the next one, which comes at the sender's pace
		assertThat(timeline.place(7, 1160, 3 * 8000)).isEqualTo(Timeline.UNDECIDED);
		assertThat(timeline.place(7, 1320, 3 * 8000 + 160)).isEqualTo(3 * 8000 + 160);
		assertThat(timeline.decided()).isEqualTo(3 * 8000);
		assertThat(timeline.place(7, 1480, 3 * 8000 + 330)).isEqualTo(3 * 8000 + 320);
	}

	@Test
	void packetsTheRelayReadLateAndInABurstKeepTheirTimestampPlaces() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		// the relay stalled for 3 s: what waited in the socket comes out 1 frame apart
		assertThat(timeline.place(7, 1160, 3 * 8000)).isEqualTo(Timeline.UNDECIDED);
		assertThat(timeline.place(7, 1320, 3 * 8000 + 1)).isEqualTo(320);
		assertThat(timeline.decided()).isEqualTo(160);
		assertThat(timeline.place(7, 1480, 3 * 8000 + 2)).isEqualTo(480);
	}

	@Test
	void lateButCatchingUpIsNotPulledBackWhileSteadilyLateIs() {
		Timeline timeline = new Timeline();
		timeline.place(7, 0, 0);
		// 20 ms packets read ever later, up to 2.5 s, with no silence: the relay falling behind
		for (int i = 1; i <= 200; i++) {
			assertThat(timeline.place(7, 160L * i, 160L * i + 100L * i)).isEqualTo(160L * i);
		}
		// then steadily 2.5 s late: pulled back once a whole block of arrival time (30 s) never came
		// within 2 s of its timestamps, as a sender whose clock is slow
		int pulled = 0;
		for (int i = 201; i <= 4000; i++) {
			long frame = timeline.place(7, 160L * i, 160L * i + 20_000);
			if (frame == 160L * i + 20_000 && pulled == 0) {
				pulled = i;
			}
			assertThat(frame).isEqualTo(pulled == 0 ? 160L * i : 160L * i + 20_000);
		}
		// the first block ends at 30 s, still catching up; the second one, late throughout, at 60 s
		assertThat(pulled * 160L + 20_000).isBetween(2 * Timeline.BLOCK, 2 * Timeline.BLOCK + 160 + 260);
	}

	@Test
	void timestampsStartingOverWithTheSameSsrcStartAgainAtTheWallClock() {
		Timeline timeline = new Timeline();
		// a player sending the same 7 s file twice, 30 ms packets, without changing SSRC
		for (int i = 0; i < 236; i++) {
			assertThat(timeline.place(7, 5000 + 240L * i, 240L * i)).isEqualTo(240L * i);
		}
		long replay = 56_800;
		assertThat(timeline.place(7, 5000, replay)).isEqualTo(replay);
		assertThat(timeline.place(7, 5240, replay + 240)).isEqualTo(replay + 240);
	}

	@Test
	void aNewSsrcStartsAgainAtTheWallClock() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		assertThat(timeline.place(8, 99_000_000, 4000)).isEqualTo(4000);
	}
}
