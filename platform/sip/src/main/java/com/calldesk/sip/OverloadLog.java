package com.calldesk.sip;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes overload visible to an operator without flooding the log: requests refused with 503 are
 * counted, and at most one WARN line per interval says how many were refused since the last one.
 */
final class OverloadLog {

	private static final Logger log = LoggerFactory.getLogger(OverloadLog.class);

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	OverloadLog(long intervalNanos, LongSupplier nanoTime) {
		this.intervalNanos = intervalNanos;
		this.nanoTime = nanoTime;
	}

	/** One request refused; returns true when this call wrote the WARN line. */
	boolean refused(int maxInFlight) {
		refused.incrementAndGet();
		long now = nanoTime.getAsLong();
		long last = lastLogged.get();
		if (last != Long.MIN_VALUE && now - last < intervalNanos || !lastLogged.compareAndSet(last, now)) {
			return false;
		}
		log.warn("SIP overloaded: {} requests refused with 503 since the last report ({} in progress is the limit, "
				+ "calldesk.sip.server.max-in-flight)", refused.getAndSet(0), maxInFlight);
		return true;
	}
}
