package com.calldesk.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantSchema;
import com.calldesk.tenancy.TenantSchemaMigrator;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.tenancy.TenantScopedDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.Histogram;

/**
 * Measures what creating a tenant costs and how fast the screen pop finds a caller among a million
 * contacts. Run it with bench/contact-lookup.sh; docs/benchmarks.md records the results.
 *
 * <p>Lookups go through {@link TenantScopedDataSource} with a bound {@link TenantContext}, the path
 * the application takes, and each timed lookup includes borrowing and returning the pooled connection.
 */
public final class ContactLookupBench {

	private static final String JDBC_URL = "jdbc:mysql://127.0.0.1:3306/?rewriteBatchedStatements=true";

	private static final String PLATFORM_SCHEMA = "calldeskbench";

	private static final String LOADED_TENANT = "9000000";

	private static final int NEW_TENANTS = 10;

	private static final String LOOKUP = "SELECT c.id, c.customer_id, c.name, p.e164 FROM contact_phone p JOIN contact c ON c.id = p.contact_id WHERE p.e164 = ?";

	private static final String UNIQUE_INDEX = "uk_contact_phone_e164";

	private static final int WARMUP_LOOKUPS = 10_000;

	private static final int MEASURED_LOOKUPS = 100_000;

	private static final int CONCURRENT_THREADS = 4;

	private static final int POOL_SIZE = 8;

	/** One lookup in this many asks for a number nobody has, as unknown callers do. */
	private static final int MISS_ONE_IN = 10;

	private static final long TARGET_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

	private static final long SEED = 20_251_125L;

	private final PrintStream out = System.out;

	private final DataSource pool;

	private final TenantSchemaMigrator migrator;

	private ContactLookupBench(DataSource pool, TenantSchemaMigrator migrator) {
		this.pool = pool;
		this.migrator = migrator;
	}

	public static void main(String[] args) throws Exception {
		boolean keep = false;
		Path migrationsDir = null;
		for (String arg : args) {
			if (arg.equals("--keep")) {
				keep = true;
			}
			else if (arg.startsWith("--migrations=")) {
				migrationsDir = Path.of(arg.substring("--migrations=".length())).toAbsolutePath().normalize();
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg + "; expected --keep and --migrations=DIR");
			}
		}
		if (migrationsDir == null || !Files.isRegularFile(migrationsDir.resolve("V2__after_sales.sql"))) {
			throw new IllegalArgumentException("--migrations=DIR must name the tenant migrations (db/tenant), got " + migrationsDir);
		}
		// Flyway hands a connection back with no database selected on the server while the driver still
		// reports the tenant as its catalog, so SchemaSwitch would skip the switch on the next borrow:
		// the measured pool never lends a connection to the migrator.
		try (HikariDataSource lookups = pool("lookups", POOL_SIZE); HikariDataSource migrations = pool("migrations", 2)) {
			new ContactLookupBench(lookups, new TenantSchemaMigrator(migrations, "filesystem:" + migrationsDir)).run(keep);
		}
	}

	private static HikariDataSource pool(String name, int size) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setJdbcUrl(JDBC_URL);
		config.setUsername("root");
		config.setPassword("");
		config.setMaximumPoolSize(size);
		return new HikariDataSource(config);
	}

	private void run(boolean keep) throws Exception {
		printSetup();
		measureTenantCreation();

		TenantSchema schema = TenantSchema.forTenant(PLATFORM_SCHEMA, LOADED_TENANT);
		migrator.drop(schema);
		migrator.migrate(schema);
		try (TenantContext.Binding ignored = TenantContext.bind(new TenantScope(Long.parseLong(LOADED_TENANT), LOADED_TENANT, schema))) {
			DataSource tenant = new TenantScopedDataSource(pool, new TenantSchema(PLATFORM_SCHEMA));
			ContactLoader loader = load(tenant);
			analyzeAndExplain(tenant, loader.numbers()[0]);
			measureLookups(tenant, loader);
			new PopReadsBench(out, tenant, this::bufferPoolReads).run(loader);
		}
		finally {
			if (keep) {
				out.println("\nKept schema " + schema + " (--keep).");
			}
			else {
				migrator.drop(schema);
				out.println("\nDropped schema " + schema + ".");
			}
		}
	}

	private void printSetup() throws SQLException {
		out.println("== Setup");
		out.println("date (UTC)          " + Instant.now());
		out.println("java                " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		out.println("processors          " + Runtime.getRuntime().availableProcessors());
		out.println("database            MariaDB " + scalar("SELECT VERSION()"));
		out.println("innodb buffer pool  " + Long.parseLong(scalar("SELECT @@innodb_buffer_pool_size")) / (1024 * 1024) + " MiB");
		out.println("jdbc url            " + JDBC_URL);
		out.println("lookup pool         HikariCP, " + POOL_SIZE + " connections");
	}

	private void measureTenantCreation() {
		out.println("\n== Tenant creation (create schema + Flyway migrate V1, V2)");
		List<TenantSchema> schemas = IntStream.rangeClosed(1, NEW_TENANTS)
			.mapToObj(i -> TenantSchema.forTenant(PLATFORM_SCHEMA, String.format(Locale.ROOT, "90000%02d", i)))
			.toList();
		// Leftovers of an interrupted run would turn "create" into "nothing to migrate".
		schemas.forEach(migrator::drop);
		double[] millis = new double[schemas.size()];
		try {
			for (int i = 0; i < schemas.size(); i++) {
				long start = System.nanoTime();
				migrator.migrate(schemas.get(i));
				millis[i] = (System.nanoTime() - start) / 1e6;
				out.printf(Locale.ROOT, "%-26s %8.1f ms%n", schemas.get(i), millis[i]);
			}
		}
		finally {
			schemas.forEach(migrator::drop);
		}
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
		out.printf(Locale.ROOT, "tenants %d: min %.1f ms, median %.1f ms, max %.1f ms (the first includes loading Flyway)%n",
				sorted.length, sorted[0], median, sorted[sorted.length - 1]);
	}

	private ContactLoader load(DataSource tenant) throws SQLException {
		out.println("\n== Load");
		ContactLoader loader = ContactLoader.generate(SEED);
		long start = System.nanoTime();
		try (Connection connection = tenant.getConnection()) {
			loader.load(connection);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int rows = ContactLoader.CUSTOMERS + ContactLoader.CONTACTS + loader.numbers().length;
		out.printf(Locale.ROOT, "loaded %,d customers, %,d contacts, %,d phone numbers (%,d rows) in %.1f s, %,.0f rows/s%n",
				ContactLoader.CUSTOMERS, ContactLoader.CONTACTS, loader.numbers().length, rows, seconds, rows / seconds);
		return loader;
	}

	private void analyzeAndExplain(DataSource tenant, long knownNumber) throws SQLException {
		try (Connection connection = tenant.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet analyzed = statement.executeQuery("ANALYZE TABLE customer, contact, contact_phone")) {
				out.println("\n== ANALYZE TABLE");
				printTable(out, analyzed);
			}
			try (ResultSet sizes = statement.executeQuery("SELECT table_name, table_rows, ROUND(data_length / 1048576, 1) AS data_mib, "
					+ "ROUND(index_length / 1048576, 1) AS index_mib FROM information_schema.tables "
					+ "WHERE table_schema = DATABASE() AND table_name IN ('customer', 'contact', 'contact_phone') ORDER BY table_name")) {
				out.println("\n== Table sizes (after ANALYZE; table_rows is InnoDB's estimate)");
				printTable(out, sizes);
			}
			try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + LOOKUP)) {
				explain.setString(1, ContactLoader.e164(knownNumber));
				try (ResultSet plan = explain.executeQuery()) {
					out.println("\n== EXPLAIN " + LOOKUP + "  -- ? = " + ContactLoader.e164(knownNumber));
					boolean usesUniqueIndex = printTable(out, plan).stream()
						.anyMatch(row -> "p".equals(row.get("table")) && UNIQUE_INDEX.equals(row.get("key")));
					out.println("contact_phone read through " + UNIQUE_INDEX + ": " + (usesUniqueIndex ? "yes" : "NO"));
				}
			}
		}
	}

	private void measureLookups(DataSource tenant, ContactLoader loader) throws Exception {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		Keys warmup = Keys.draw(loader, random, WARMUP_LOOKUPS);
		Keys single = Keys.draw(loader, random, MEASURED_LOOKUPS);
		Keys concurrent = Keys.draw(loader, random, MEASURED_LOOKUPS);

		out.printf(Locale.ROOT, "%n== Lookups (%d%% unknown numbers; a lookup = borrow connection, execute, read rows, return)%n",
				100 / MISS_ONE_IN);
		run(tenant, warmup, 1);
		out.printf(Locale.ROOT, "warm-up: %,d lookups, 1 thread%n%n", WARMUP_LOOKUPS);
		out.println("| threads | lookups | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | lookups/s | buffer pool reads | p99 <= 5 ms |");
		out.println("|---|---|---|---|---|---|---|---|---|---|");
		report(1, run(tenant, single, 1));
		report(CONCURRENT_THREADS, run(tenant, concurrent, CONCURRENT_THREADS));
	}

	/** Splits the keys evenly over the threads, releases them together and times the whole run. */
	private Run run(DataSource tenant, Keys keys, int threads) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Slice>> slices = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int from = keys.numbers().length * t / threads;
				int to = keys.numbers().length * (t + 1) / threads;
				Callable<Slice> slice = () -> lookupSlice(tenant, keys.numbers(), from, to, go);
				slices.add(executor.submit(TenantContext.wrap(slice)));
			}
			long readsBefore = bufferPoolReads();
			long start = System.nanoTime();
			go.countDown();
			Histogram latencies = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
			long found = 0;
			for (Future<Slice> future : slices) {
				Slice slice = future.get();
				latencies.add(slice.latencies());
				found += slice.found();
			}
			long wallNanos = System.nanoTime() - start;
			// Every known number is unique and every unknown one absent: anything else means the
			// benchmark timed the wrong thing.
			if (found != keys.hits()) {
				throw new IllegalStateException("Lookups found " + found + " rows, expected " + keys.hits());
			}
			return new Run(latencies, wallNanos, bufferPoolReads() - readsBefore);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Slice lookupSlice(DataSource tenant, String[] numbers, int from, int to, CountDownLatch go) throws Exception {
		Histogram latencies = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
		long found = 0;
		go.await();
		for (int i = from; i < to; i++) {
			long start = System.nanoTime();
			found += lookup(tenant, numbers[i]);
			latencies.recordValue(System.nanoTime() - start);
		}
		return new Slice(latencies, found);
	}

	private static int lookup(DataSource tenant, String number) throws SQLException {
		try (Connection connection = tenant.getConnection(); PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
			statement.setString(1, number);
			try (ResultSet rows = statement.executeQuery()) {
				int found = 0;
				while (rows.next()) {
					if (!number.equals(rows.getString("e164"))) {
						throw new IllegalStateException("Asked for " + number + ", got " + rows.getString("e164"));
					}
					found++;
				}
				return found;
			}
		}
	}

	private void report(int threads, Run run) {
		Histogram h = run.latencies();
		long p99 = h.getValueAtPercentile(99.0);
		out.printf(Locale.ROOT, "| %d | %,d | %.3f | %.3f | %.3f | %.3f | %.3f | %,.0f | %,d | %s |%n", threads, h.getTotalCount(),
				millis(h.getValueAtPercentile(50.0)), millis(h.getValueAtPercentile(90.0)), millis(p99),
				millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()), h.getTotalCount() / (run.wallNanos() / 1e9),
				run.bufferPoolReads(), p99 <= TARGET_P99_NANOS ? "met" : "NOT met");
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	/** Pages InnoDB had to read from disk: shows whether the working set fits the buffer pool. */
	long bufferPoolReads() throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
				ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'")) {
			status.next();
			return status.getLong(2);
		}
	}

	private String scalar(String sql) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** Prints a result set as a Markdown table, ready to paste, and returns its rows by column label. */
	static List<Map<String, String>> printTable(PrintStream out, ResultSet result) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		List<String> labels = new ArrayList<>();
		for (int column = 1; column <= meta.getColumnCount(); column++) {
			labels.add(meta.getColumnLabel(column));
		}
		out.println("| " + String.join(" | ", labels) + " |");
		out.println("|" + "---|".repeat(labels.size()));
		List<Map<String, String>> rows = new ArrayList<>();
		while (result.next()) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int column = 1; column <= labels.size(); column++) {
				row.put(labels.get(column - 1), String.valueOf(result.getString(column)));
			}
			out.println("| " + String.join(" | ", row.values()) + " |");
			rows.add(row);
		}
		return rows;
	}

	/** Numbers to look up, drawn before timing starts; {@code hits} of them exist. */
	private record Keys(String[] numbers, int hits) {

		static Keys draw(ContactLoader loader, SplittableRandom random, int count) {
			long[] existing = loader.numbers();
			String[] numbers = new String[count];
			int hits = 0;
			for (int i = 0; i < count; i++) {
				if (random.nextInt(MISS_ONE_IN) == 0) {
					long unknown;
					do {
						unknown = ContactLoader.randomMobile(random);
					}
					while (loader.isTaken(unknown));
					numbers[i] = ContactLoader.e164(unknown);
				}
				else {
					numbers[i] = ContactLoader.e164(existing[random.nextInt(existing.length)]);
					hits++;
				}
			}
			return new Keys(numbers, hits);
		}
	}

	private record Slice(Histogram latencies, long found) {
	}

	private record Run(Histogram latencies, long wallNanos, long bufferPoolReads) {
	}
}
