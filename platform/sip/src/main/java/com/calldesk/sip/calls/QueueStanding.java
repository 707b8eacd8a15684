package com.calldesk.sip.calls;

import java.time.Duration;

/**
 * Where a waiting caller stands in its tenant's queue, as the ACD sees it (B7): how many callers wait
 * ahead of them, and how long they may expect to wait; {@code expectedWait} is null when the ACD has
 * nothing to base it on (no answered call yet, nobody working), and then only the position is said.
 */
public record QueueStanding(int ahead, Duration expectedWait) {

	public QueueStanding {
		if (ahead < 0) {
			throw new IllegalArgumentException("ahead must not be negative: " + ahead);
		}
	}
}
