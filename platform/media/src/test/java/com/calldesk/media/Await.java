package com.calldesk.media;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.opentest4j.AssertionFailedError;

/** Waits for a condition in 50 ms steps and fails after a bound: no test relies on a lucky sleep. */
final class Await {

	private Await() {
	}

	static void until(String what, Duration bound, BooleanSupplier condition) {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionFailedError("not within " + bound.toMillis() + " ms: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionFailedError("interrupted waiting for " + what);
			}
		}
	}
}
