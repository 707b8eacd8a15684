package com.calldesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A condition is reported at once, then at most once per interval, with the count since the last report. */
class ThrottledWarningTest {

	@Test
	void theFirstRefusalIsReportedThenAtMostOneReportPerInterval() {
		AtomicLong now = new AtomicLong(0);
		ThrottledWarning overload = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class), TimeUnit.SECONDS.toNanos(10), now::get);
		List<Long> counts = new ArrayList<>();
		assertThat(overload.happened(n -> "refused " + counts.add(n))).isTrue();
		int reports = 0;
		for (int i = 0; i < 1000; i++) {
			now.addAndGet(TimeUnit.MILLISECONDS.toNanos(25));
			reports += overload.happened(n -> "refused " + counts.add(n)) ? 1 : 0;
		}
		assertThat(reports).as("25 s of refusals: one report each 10 s").isEqualTo(2);
		assertThat(counts).as("each report counts what happened since the one before").containsExactly(1L, 400L, 400L);
	}
}
