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
	void aStreamThatFallsBehindTheWallClockIsPulledBack() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		// a phone that stopped sending on hold and resumed where its timestamps left off
		assertThat(timeline.place(7, 1160, 3 * 8000)).isEqualTo(3 * 8000);
	}

	@Test
	void aNewSsrcStartsAgainAtTheWallClock() {
		Timeline timeline = new Timeline();
		timeline.place(7, 1000, 0);

		assertThat(timeline.place(8, 99_000_000, 4000)).isEqualTo(4000);
	}
}
