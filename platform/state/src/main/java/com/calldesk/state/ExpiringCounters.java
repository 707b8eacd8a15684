package com.calldesk.state;

import java.time.Duration;

/** Named counters that disappear a fixed time after their first increment. */
public interface ExpiringCounters {

	/** Adds one and returns the new value; the window starts with the first increment. */
	long increment(String key, Duration window);

	long get(String key);

	void reset(String key);

	/** Marks {@code key} blocked for {@code duration}. */
	void block(String key, Duration duration);

	boolean isBlocked(String key);
}
