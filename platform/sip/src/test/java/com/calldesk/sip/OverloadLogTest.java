package com.calldesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Overload is reported at once, then at most once per interval, whatever the rate of refusals. */
class OverloadLogTest {

	@Test
	void theFirstRefusalIsReportedThenAtMostOneReportPerInterval() {
		AtomicLong now = new AtomicLong(0);
		OverloadLog overload = new OverloadLog(TimeUnit.SECONDS.toNanos(10), now::get);
		assertThat(overload.refused(2000)).isTrue();
		int reports = 0;
		for (int i = 0; i < 1000; i++) {
			now.addAndGet(TimeUnit.MILLISECONDS.toNanos(25));
			reports += overload.refused(2000) ? 1 : 0;
		}
		assertThat(reports).as("25 s of refusals: one report each 10 s").isEqualTo(2);
	}
}
