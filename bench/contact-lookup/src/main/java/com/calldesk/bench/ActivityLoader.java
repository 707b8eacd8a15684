package com.calldesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Gives the loaded contacts a service history of the size a tenant with a million contacts has:
 * {@link #HISTORY_DAYS} days of inbound calls at {@link #CALLS_PER_DAY} a day (today's up to now), an
 * event for one customer in four and a work order for one in two. The screen pop reads today's calls
 * of the caller's customer and its open events and work orders; these rows are what it searches.
 *
 * <p>Remembers how many calls each customer (and each unknown number) had today, so the benchmark
 * can check every pop read the right rows.
 */
final class ActivityLoader {

	static final int HISTORY_DAYS = 90;

	static final int CALLS_PER_DAY = 20_000;

	/** One call in this many is from a number that is no contact's. */
	private static final int UNKNOWN_CALLER_ONE_IN = 5;

	static final int EVENTS = ContactLoader.CUSTOMERS / 4;

	static final int WORK_ORDERS = ContactLoader.CUSTOMERS / 2;

	private static final int BATCH_ROWS = 10_000;

	private static final String[] EVENT_STATUSES = { "OPEN", "OPEN", "CLOSED", "CLOSED", "CLOSED" };

	private static final String[] WORK_ORDER_STATUSES = { "OPEN", "IN_PROGRESS", "DONE", "DONE", "CLOSED", "CLOSED", "CLOSED", "DONE", "DONE", "CLOSED" };

	private final ContactLoader contacts;

	private final Instant todayStart;

	private final Instant now;

	private final SplittableRandom random;

	private final int[] callsTodayByCustomer = new int[ContactLoader.CUSTOMERS + 1];

	private final Map<String, Integer> callsTodayByUnknownNumber = new HashMap<>();

	/** Numbers that called today, for the repeat callers the benchmark looks up. */
	private final String[] todaysCallers = new String[CALLS_PER_DAY];

	private final long[] todaysCallerCustomers = new long[CALLS_PER_DAY];

	private final int[] openEventsByCustomer = new int[ContactLoader.CUSTOMERS + 1];

	private final int[] openWorkOrdersByCustomer = new int[ContactLoader.CUSTOMERS + 1];

	private int todaysCallerCount;

	private long rows;

	ActivityLoader(ContactLoader contacts, Instant todayStart, Instant now, long seed) {
		this.contacts = contacts;
		this.todayStart = todayStart;
		this.now = now;
		this.random = new SplittableRandom(seed);
	}

	void load(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			loadCalls(connection);
			loadEvents(connection);
			loadWorkOrders(connection);
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	long rows() {
		return rows;
	}

	/** Calls today of this customer (all its numbers), or of this number when it is no contact's (customerId 0). */
	int callsToday(long customerId, String e164) {
		return customerId > 0 ? callsTodayByCustomer[(int) customerId] : callsTodayByUnknownNumber.getOrDefault(e164, 0);
	}

	int openEvents(long customerId) {
		return customerId > 0 ? openEventsByCustomer[(int) customerId] : 0;
	}

	int openWorkOrders(long customerId) {
		return customerId > 0 ? openWorkOrdersByCustomer[(int) customerId] : 0;
	}

	/** A number that called today, and its customer (0 when it is no contact's). */
	PopKey todaysCaller(SplittableRandom pick) {
		int i = pick.nextInt(todaysCallerCount);
		return new PopKey(todaysCallers[i], todaysCallerCustomers[i]);
	}

	record PopKey(String e164, long customerId) {
	}

	private void loadCalls(Connection connection) throws SQLException {
		long span = now.toEpochMilli() - todayStart.toEpochMilli();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO call_record (id, direction, customer_number, "
				+ "dialled_number, trunk_number, seat, state, offered_at, ringing_at, answered_at, ended_at, ended_by, end_reason, node) "
				+ "VALUES (?, 'INBOUND', ?, '+864008001234', '+861062345678', ?, 'ENDED', ?, ?, ?, ?, 'CUSTOMER', 'hangup', 'bench')")) {
			int batched = 0;
			for (int day = HISTORY_DAYS - 1; day >= 0; day--) {
				for (int i = 0; i < CALLS_PER_DAY; i++) {
					Instant offered = day == 0 ? todayStart.plusMillis(random.nextLong(Math.max(1, span)))
							: todayStart.minusMillis(day * 86_400_000L - random.nextLong(86_400_000L));
					String caller = drawCaller(day == 0);
					insert.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
					insert.setString(2, caller);
					insert.setString(3, String.format("%04d", 1 + random.nextInt(200)));
					insert.setTimestamp(4, utc(offered));
					insert.setTimestamp(5, utc(offered.plusMillis(200)));
					insert.setTimestamp(6, utc(offered.plusMillis(6_000)));
					insert.setTimestamp(7, utc(offered.plusMillis(6_000 + random.nextLong(600_000))));
					insert.addBatch();
					if (++batched % BATCH_ROWS == 0) {
						flush(connection, insert);
					}
				}
			}
			flush(connection, insert);
		}
	}

	private String drawCaller(boolean today) {
		if (random.nextInt(UNKNOWN_CALLER_ONE_IN) == 0) {
			long unknown;
			do {
				unknown = ContactLoader.randomMobile(random);
			}
			while (contacts.isTaken(unknown));
			String e164 = ContactLoader.e164(unknown);
			if (today) {
				callsTodayByUnknownNumber.merge(e164, 1, Integer::sum);
				todaysCallers[todaysCallerCount++] = e164;
			}
			return e164;
		}
		int phone = random.nextInt(contacts.numbers().length);
		String e164 = ContactLoader.e164(contacts.numbers()[phone]);
		if (today) {
			long customer = contacts.customerOfPhone(phone);
			callsTodayByCustomer[(int) customer]++;
			todaysCallerCustomers[todaysCallerCount] = customer;
			todaysCallers[todaysCallerCount++] = e164;
		}
		return e164;
	}

	private void loadEvents(Connection connection) throws SQLException {
		loadRecords(connection, "INSERT INTO service_event (customer_id, title, status, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, 'bench', ?, ?)", EVENTS, "Event ", EVENT_STATUSES, status -> !status.equals("CLOSED"), openEventsByCustomer);
	}

	private void loadWorkOrders(Connection connection) throws SQLException {
		loadRecords(connection, "INSERT INTO work_order (customer_id, title, status, priority, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, 'NORMAL', 'bench', ?, ?)", WORK_ORDERS, "Work order ", WORK_ORDER_STATUSES,
				status -> status.equals("OPEN") || status.equals("IN_PROGRESS"), openWorkOrdersByCustomer);
	}

	/** {@code count} records of random customers and statuses, counting each customer's open ones in {@code openByCustomer}. */
	private void loadRecords(Connection connection, String sql, int count, String title, String[] statuses,
			java.util.function.Predicate<String> open, int[] openByCustomer) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			for (int i = 1; i <= count; i++) {
				long customer = 1 + random.nextInt(ContactLoader.CUSTOMERS);
				Timestamp created = utc(todayStart.minusSeconds(random.nextLong(HISTORY_DAYS * 86_400L)));
				insert.setLong(1, customer);
				insert.setString(2, title + i);
				String status = statuses[random.nextInt(statuses.length)];
				if (open.test(status)) {
					openByCustomer[(int) customer]++;
				}
				insert.setString(3, status);
				insert.setTimestamp(4, created);
				insert.setTimestamp(5, created);
				insert.addBatch();
				if (i % BATCH_ROWS == 0) {
					flush(connection, insert);
				}
			}
			flush(connection, insert);
		}
	}

	private void flush(Connection connection, PreparedStatement insert) throws SQLException {
		for (int count : insert.executeBatch()) {
			rows += count > 0 ? count : 1; // rewritten batches report SUCCESS_NO_INFO per row
		}
		connection.commit();
	}

	/** The application keeps instants as UTC wall-clock DATETIMEs. */
	static Timestamp utc(Instant instant) {
		return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}
}
