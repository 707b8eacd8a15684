package com.calldesk.sip.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What is said for a standing (B7): the position, the wait rounded up to minutes, both capped. */
class QueueAnnouncementsTest {

	@Test
	void positionAndWaitRoundedUpToWholeMinutes() {
		assertThat(QueueAnnouncements.sentence(new QueueStanding(3, Duration.ofSeconds(61)))).containsExactly("queue-ahead", "number-3",
				"queue-callers", "queue-wait", "number-2", "minutes");
		assertThat(QueueAnnouncements.sentence(new QueueStanding(1, Duration.ofSeconds(60)))).containsExactly("queue-ahead", "number-1",
				"queue-callers", "queue-wait", "number-1", "minutes");
	}

	@Test
	void underAMinuteAndNobodyAheadAreSaidInWords() {
		assertThat(QueueAnnouncements.sentence(new QueueStanding(0, Duration.ofMillis(59_999)))).containsExactly("queue-next",
				"queue-under-a-minute");
	}

	@Test
	void longQueuesAndLongWaitsAreCapped() {
		assertThat(QueueAnnouncements.sentence(new QueueStanding(20, Duration.ofMinutes(10)))).containsExactly("queue-ahead", "number-20",
				"queue-callers", "queue-wait", "number-10", "minutes");
		assertThat(QueueAnnouncements.sentence(new QueueStanding(21, Duration.ofSeconds(601)))).containsExactly("queue-ahead",
				"more-than", "number-20", "queue-callers", "queue-wait", "more-than", "number-10", "minutes");
	}

	@Test
	void withoutAnEstimateOnlyThePositionIsSaid() {
		assertThat(QueueAnnouncements.sentence(new QueueStanding(4, null))).containsExactly("queue-ahead", "number-4", "queue-callers");
	}
}
