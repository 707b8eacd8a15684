package com.calldesk.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.tenancy.TenantContext;
import org.HdrHistogram.Histogram;

/**
 * The whole screen pop's database work among a million contacts with 90 days of calls, events and
 * work orders ({@link PopReads}), timed per pop: connection borrowed, five statements in one
 * transaction, connection returned. Every pop's result is checked against what was loaded, so a pop
 * that read nothing cannot pass for a fast one.
 */
final class PopReadsBench {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final int WARMUP_POPS = 2_000;

	private static final int MEASURED_POPS = 20_000;

	private static final int CONCURRENT_THREADS = 4;

	/** Of the callers popped: this share called earlier today, one in ten is nobody's, the rest are contacts. */
	private static final int REPEAT_CALLERS_PERCENT = 30;

	private static final int UNKNOWN_CALLERS_PERCENT = 10;

	private static final long TARGET_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final long SEED = 20_261_205L;

	@FunctionalInterface
	interface Counter {

		long read() throws SQLException;
	}

	private final PrintStream out;

	private final DataSource tenant;

	private final Counter bufferPoolReads;

	PopReadsBench(PrintStream out, DataSource tenant, Counter bufferPoolReads) {
		this.out = out;
		this.tenant = tenant;
		this.bufferPoolReads = bufferPoolReads;
	}

	void run(ContactLoader contacts) throws Exception {
		Instant now = Instant.now();
		Instant todayStart = LocalDate.ofInstant(now, CHINA).atStartOfDay(CHINA).toInstant();
		out.println("\n== Pop reads: load the service history");
		ActivityLoader activity = new ActivityLoader(contacts, todayStart, now, SEED);
		long start = System.nanoTime();
		try (Connection connection = tenant.getConnection()) {
			activity.load(connection);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf(Locale.ROOT, "loaded %,d call records (%d days x %,d, today's up to %s), %,d events, %,d work orders: %,d rows in %.1f s%n",
				ActivityLoader.HISTORY_DAYS * ActivityLoader.CALLS_PER_DAY, ActivityLoader.HISTORY_DAYS, ActivityLoader.CALLS_PER_DAY, now,
				ActivityLoader.EVENTS, ActivityLoader.WORK_ORDERS, activity.rows(), seconds);

		SplittableRandom random = new SplittableRandom(SEED + 1);
		List<Key> warmup = draw(contacts, activity, random, WARMUP_POPS);
		List<Key> single = draw(contacts, activity, random, MEASURED_POPS);
		List<Key> concurrent = draw(contacts, activity, random, MEASURED_POPS);
		PopReads reads = new PopReads(tenant, todayStart);
		explain(single.get(0), todayStart);
		settle();

		out.printf(Locale.ROOT, "%n== Pop reads (%d%% callers who called today, %d%% unknown, the rest contacts; "
				+ "a pop = borrow connection, 5 statements in one transaction, return)%n", REPEAT_CALLERS_PERCENT, UNKNOWN_CALLERS_PERCENT);
		time(reads, activity, warmup, 1);
		out.printf(Locale.ROOT, "warm-up: %,d pops, 1 thread%n%n", WARMUP_POPS);
		out.println("| threads | pops | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | pops/s | calls today read | buffer pool reads | p99 <= 5 ms |");
		out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		report(1, time(reads, activity, single, 1));
		report(CONCURRENT_THREADS, time(reads, activity, concurrent, CONCURRENT_THREADS));
	}

	private record Key(String e164, long customerId) {
	}

	private static List<Key> draw(ContactLoader contacts, ActivityLoader activity, SplittableRandom random, int count) {
		List<Key> keys = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int kind = random.nextInt(100);
			if (kind < REPEAT_CALLERS_PERCENT) {
				ActivityLoader.PopKey caller = activity.todaysCaller(random);
				keys.add(new Key(caller.e164(), caller.customerId()));
			}
			else if (kind < REPEAT_CALLERS_PERCENT + UNKNOWN_CALLERS_PERCENT) {
				long unknown;
				do {
					unknown = ContactLoader.randomMobile(random);
				}
				while (contacts.isTaken(unknown));
				keys.add(new Key(ContactLoader.e164(unknown), 0));
			}
			else {
				int phone = random.nextInt(contacts.numbers().length);
				keys.add(new Key(ContactLoader.e164(contacts.numbers()[phone]), contacts.customerOfPhone(phone)));
			}
		}
		return keys;
	}

	private void explain(Key key, Instant todayStart) throws SQLException {
		List<Object> numbers = new ArrayList<>(PhoneNumbers.spellings(key.e164()));
		try (Connection connection = tenant.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeQuery("ANALYZE TABLE call_record, service_event, work_order").close();
			List<Object> args = new ArrayList<>(numbers);
			args.add(ActivityLoader.utc(todayStart));
			args.add(PopReads.CALLS_TODAY + 1);
			explain(connection, "EXPLAIN " + PopReads.CALLS_OF_NUMBERS.formatted(PopReads.placeholders(numbers)), args.toArray());
			long customer = Math.max(1, key.customerId());
			explain(connection, "EXPLAIN " + PopReads.EVENTS_OF.formatted("?"), customer, PopReads.OPEN_RECORDS);
			explain(connection, "EXPLAIN " + PopReads.WORK_ORDERS_OF.formatted("?"), customer, PopReads.OPEN_RECORDS);
		}
	}

	private void explain(Connection connection, String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = PopReads.prepare(connection, sql, args); ResultSet plan = statement.executeQuery()) {
			out.println("\n== " + sql);
			ContactLookupBench.printTable(out, plan);
		}
	}

	/**
	 * Waits for InnoDB to write out the pages the load dirtied and to purge its undo history, as a
	 * database in service would have long done: measured right after a load of two million rows, the pops
	 * would compete with that background writing, which is the load's cost, not the pop's.
	 */
	private void settle() throws Exception {
		long start = System.nanoTime();
		try (Connection connection = tenant.getConnection(); Statement statement = connection.createStatement()) {
			String before;
			try (ResultSet pct = statement.executeQuery("SELECT @@GLOBAL.innodb_max_dirty_pages_pct")) {
				pct.next();
				before = pct.getString(1);
			}
			long dirtyAtStart = dirtyPages(statement);
			long historyAtStart = historyLength(statement);
			statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
			long dirty = dirtyAtStart;
			long history = historyAtStart;
			try {
				for (int second = 0; second < SETTLE_LIMIT_S && (dirty > SETTLED_DIRTY_PAGES || history > SETTLED_HISTORY); second++) {
					Thread.sleep(1000);
					dirty = dirtyPages(statement);
					history = historyLength(statement);
				}
			}
			finally {
				statement.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + before);
			}
			out.printf(Locale.ROOT, "%n== Settle (after the load): dirty pages %,d -> %,d, undo history %,d -> %,d in %.0f s%s%n", dirtyAtStart,
					dirty, historyAtStart, history, (System.nanoTime() - start) / 1e9,
					dirty > SETTLED_DIRTY_PAGES || history > SETTLED_HISTORY ? " (limit reached, NOT settled)" : "");
		}
	}

	private static final int SETTLE_LIMIT_S = 600;

	private static final long SETTLED_DIRTY_PAGES = 200;

	private static final long SETTLED_HISTORY = 1_000;

	private static long dirtyPages(Statement statement) throws SQLException {
		try (ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
			status.next();
			return status.getLong(2);
		}
	}

	private static long historyLength(Statement statement) throws SQLException {
		try (ResultSet status = statement.executeQuery("SHOW ENGINE INNODB STATUS")) {
			status.next();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("History list length (\\d+)").matcher(status.getString("Status"));
			return m.find() ? Long.parseLong(m.group(1)) : 0;
		}
	}

	private Run time(PopReads reads, ActivityLoader activity, List<Key> keys, int threads) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Slice>> slices = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				List<Key> slice = keys.subList(keys.size() * t / threads, keys.size() * (t + 1) / threads);
				Callable<Slice> task = () -> pops(reads, activity, slice, go);
				slices.add(executor.submit(TenantContext.wrap(task)));
			}
			long readsBefore = bufferPoolReads.read();
			long start = System.nanoTime();
			go.countDown();
			Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
			long callsRead = 0;
			for (Future<Slice> future : slices) {
				Slice slice = future.get();
				latencies.add(slice.latencies());
				callsRead += slice.callsRead();
			}
			return new Run(latencies, System.nanoTime() - start, callsRead, bufferPoolReads.read() - readsBefore);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Slice pops(PopReads reads, ActivityLoader activity, List<Key> keys, CountDownLatch go) throws Exception {
		Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
		long callsRead = 0;
		go.await();
		for (Key key : keys) {
			long start = System.nanoTime();
			PopReads.Pop pop = reads.pop(key.e164());
			latencies.recordValue(System.nanoTime() - start);
			check(key, pop, activity);
			callsRead += pop.callsToday();
		}
		return new Slice(latencies, callsRead);
	}

	/** The pop found the caller's customer, and as many of today's calls and open records as were loaded (up to the limits). */
	private static void check(Key key, PopReads.Pop pop, ActivityLoader activity) {
		int calls = Math.min(PopReads.CALLS_TODAY + 1, activity.callsToday(key.customerId(), key.e164()));
		int events = Math.min(PopReads.OPEN_RECORDS, activity.openEvents(key.customerId()));
		int workOrders = Math.min(PopReads.OPEN_RECORDS, activity.openWorkOrders(key.customerId()));
		PopReads.Pop expected = new PopReads.Pop(key.customerId(), calls, events, workOrders);
		if (!expected.equals(pop)) {
			throw new IllegalStateException("Pop of " + key.e164() + " read " + pop + ", expected " + expected);
		}
	}

	private void report(int threads, Run run) {
		Histogram h = run.latencies();
		long p99 = h.getValueAtPercentile(99.0);
		out.printf(Locale.ROOT, "| %d | %,d | %.3f | %.3f | %.3f | %.3f | %.3f | %,.0f | %,d | %,d | %s |%n", threads, h.getTotalCount(),
				h.getValueAtPercentile(50.0) / 1e6, h.getValueAtPercentile(90.0) / 1e6, p99 / 1e6, h.getValueAtPercentile(99.9) / 1e6,
				h.getMaxValue() / 1e6, h.getTotalCount() / (run.wallNanos() / 1e9), run.callsRead(), run.bufferPoolReads(),
				p99 <= TARGET_P99_NANOS ? "met" : "NOT met");
	}

	private record Slice(Histogram latencies, long callsRead) {
	}

	private record Run(Histogram latencies, long wallNanos, long callsRead, long bufferPoolReads) {
	}
}
