package com.calldesk.state;

import java.time.Duration;

/**
 * Counts failures per key (an account, a source address) and blocks the key for a while once it
 * fails too often: the shape of Kamailio's pike and of every sign-in lock-out.
 */
public final class Throttle {

	private final ExpiringCounters counters;

	private final String name;

	private final int maxFailures;

	private final Duration window;

	private final Duration blockFor;

	public Throttle(ExpiringCounters counters, String name, int maxFailures, Duration window, Duration blockFor) {
		this.counters = counters;
		this.name = name;
		this.maxFailures = maxFailures;
		this.window = window;
		this.blockFor = blockFor;
	}

	public boolean isBlocked(String key) {
		return counters.isBlocked(name + ":" + key);
	}

	/** Records a failure; returns true when this failure blocked the key. */
	public boolean failed(String key) {
		long failures = counters.increment(name + ":" + key, window);
		if (failures >= maxFailures) {
			counters.block(name + ":" + key, blockFor);
			counters.reset(name + ":" + key);
			return true;
		}
		return false;
	}

	public void succeeded(String key) {
		counters.reset(name + ":" + key);
	}

	public Duration blockFor() {
		return blockFor;
	}
}
