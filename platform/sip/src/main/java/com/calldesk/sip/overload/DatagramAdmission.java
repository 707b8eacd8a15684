package com.calldesk.sip.overload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets in when the node is busy, decided as each datagram is read and before it joins the stack's
 * queue: a new INVITE or REGISTER is refused when what already waits would take longer than
 * {@code targetWaitMillis} to work through at the rate the stack has been working (measured, so the
 * limit follows the machine's real capacity), or when more than {@code maxQueued} datagrams wait.
 * Everything else — responses, ACKs, BYEs, in-dialog requests — always joins the queue: calls that
 * are up must be able to end.
 */
public final class DatagramAdmission {

	/** Below this many waiting datagrams nothing is refused, whatever the rate says (an idle stack has none to measure). */
	public static final int FLOOR = 64;

	private static final long WINDOW_NANOS = 100_000_000L;

	private final long targetWaitMillis;

	private final int maxQueued;

	private final LongSupplier nanos;

	private final AtomicLong taken = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong admitted = new AtomicLong();

	private static final long REPORT_NANOS = 10_000_000_000L;

	private static final Logger log = LoggerFactory.getLogger(DatagramAdmission.class);

	private long lastReport;

	private long refusedAtReport;

	private long windowStart;

	private long takenAtWindowStart;

	private boolean busyInWindow;

	/** Datagrams the stack's threads take per second when kept busy, smoothed. */
	private volatile double rate;

	public DatagramAdmission(long targetWaitMillis, int maxQueued, LongSupplier nanos) {
		this.targetWaitMillis = targetWaitMillis;
		this.maxQueued = maxQueued;
		this.nanos = nanos;
		this.windowStart = nanos.getAsLong();
	}

	/** Whether a new INVITE or REGISTER joins a queue of {@code queued} datagrams; called on the reading thread only. */
	public boolean admitsNew(int queued) {
		measure();
		if (queued >= FLOOR) {
			busyInWindow = true;
		}
		boolean admit = queued < FLOOR || queued < maxQueued && queued * 1000.0 <= targetWaitMillis * Math.max(rate, 1.0);
		(admit ? admitted : refused).incrementAndGet();
		if (!admit) {
			report(queued);
		}
		return admit;
	}

	/** A stack thread took a datagram off the queue. */
	public void taken() {
		taken.incrementAndGet();
	}

	/** New requests refused with 503 before the stack saw them. */
	public long refused() {
		return refused.get();
	}

	public long admitted() {
		return admitted.get();
	}

	/** What the stack works through per second, as last measured. */
	public double rate() {
		return rate;
	}

	/** At most one WARN line every 10 s while refusing, with what was refused since the last one. */
	private void report(int queued) {
		long now = nanos.getAsLong();
		if (lastReport != 0 && now - lastReport < REPORT_NANOS) {
			return;
		}
		long total = refused.get();
		log.warn("SIP overloaded: {} new INVITEs/REGISTERs refused with 503 as they arrived since the last report; {} datagrams waiting, "
				+ "the stack works through {} a second (calldesk.sip.server.overload-wait {} ms)", total - refusedAtReport, queued,
				Math.round(rate), targetWaitMillis);
		lastReport = now;
		refusedAtReport = total;
	}

	/**
	 * What the stack took off the queue in the last window is its capacity only if it was kept busy: with a
	 * backlog of at least {@link #FLOOR} seen in the window, the rate is a sample of capacity and the estimate
	 * follows it; without one the stack did all it was given, and the estimate may only rise.
	 */
	private void measure() {
		long now = nanos.getAsLong();
		long elapsed = now - windowStart;
		if (elapsed < WINDOW_NANOS) {
			return;
		}
		long count = taken.get();
		double current = (count - takenAtWindowStart) * 1e9 / elapsed;
		if (busyInWindow) {
			rate = rate == 0 ? current : 0.7 * rate + 0.3 * current;
		}
		else if (current > rate) {
			rate = current;
		}
		windowStart = now;
		takenAtWindowStart = count;
		busyInWindow = false;
	}
}
