package com.calldesk.sip;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Makes a condition that hits many requests (overload, the shared state away) visible to an operator
 * without flooding the log: occurrences are counted, and at most one WARN line per interval says how
 * many there were since the last one.
 */
public final class ThrottledWarning {

	private final Logger log;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	public ThrottledWarning(Logger log, long intervalNanos, LongSupplier nanoTime) {
		this.log = log;
		this.intervalNanos = intervalNanos;
		this.nanoTime = nanoTime;
	}

	/** One more occurrence; when a line is due, {@code line} makes it from the count since the last one. Returns true when it wrote one. */
	public boolean happened(LongFunction<String> line) {
		count.incrementAndGet();
		long now = nanoTime.getAsLong();
		long last = lastLogged.get();
		if (last != Long.MIN_VALUE && now - last < intervalNanos || !lastLogged.compareAndSet(last, now)) {
			return false;
		}
		log.warn(line.apply(count.getAndSet(0)));
		return true;
	}
}
