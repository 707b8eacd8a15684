package com.calldesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.calldesk.phone.PhoneNumbers;

/**
 * Every database read of one screen pop, in the order and shape {@code ScreenPops} issues them, in one
 * transaction on one pooled connection: ActivityMapper's matchesOf (contact and customer by the
 * caller's E.164 number, one join), numbersOfCustomers, callsOfNumbers (today's calls from every
 * spelling of every number of the customer), eventsOf and workOrdersOf (open ones, newest 20). The SQL is
 * ActivityMapper's with MyBatis' {@code <foreach>} written out as placeholders; if that mapper
 * changes, this copy must follow it (docs/benchmarks.md says so too).
 */
final class PopReads {

	static final int CALLS_TODAY = 20;

	static final int OPEN_RECORDS = 20;

	static final String MATCHES_OF = "SELECT c.id AS contact_id, c.name AS contact_name, u.id AS customer_id, u.name AS customer_name "
			+ "FROM contact_phone p JOIN contact c ON c.id = p.contact_id JOIN customer u ON u.id = c.customer_id WHERE p.e164 = ?";

	static final String CALLS_OF_NUMBERS = "SELECT id, direction, customer_number, seat, offered_at, answered_at, ended_at FROM call_record "
			+ "WHERE customer_number IN (%s) AND offered_at >= ? ORDER BY offered_at DESC LIMIT ?";

	static final String EVENTS_OF = "SELECT id, title, status, created_at FROM service_event WHERE customer_id IN (%s) "
			+ "AND status <> 'CLOSED' ORDER BY id DESC LIMIT ?";

	static final String WORK_ORDERS_OF = "SELECT id, title, status, priority, created_at FROM work_order WHERE customer_id IN (%s) "
			+ "AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY id DESC LIMIT ?";

	private final DataSource tenant;

	private final Instant todayStart;

	PopReads(DataSource tenant, Instant todayStart) {
		this.tenant = tenant;
		this.todayStart = todayStart;
	}

	/** What one pop read; the benchmark checks it against what was loaded. */
	record Pop(long customerId, int callsToday, int openEvents, int openWorkOrders) {
	}

	Pop pop(String callerE164) throws SQLException {
		try (Connection connection = tenant.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Pop pop = read(connection, callerE164);
				connection.commit();
				return pop;
			}
			catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	private Pop read(Connection connection, String caller) throws SQLException {
		long customerId = 0;
		Long matched = single(connection, MATCHES_OF, "customer_id", caller);
		if (matched != null) {
			customerId = matched;
		}
		Set<String> numbers = new LinkedHashSet<>(PhoneNumbers.spellings(caller));
		if (customerId > 0) {
			for (String number : strings(connection, "SELECT p.e164 FROM contact c JOIN contact_phone p ON p.contact_id = c.id WHERE c.customer_id IN (?)", customerId)) {
				numbers.addAll(PhoneNumbers.spellings(number));
			}
		}
		List<Object> callArgs = new ArrayList<>(numbers);
		callArgs.add(ActivityLoader.utc(todayStart));
		callArgs.add(CALLS_TODAY + 1);
		int calls = rows(connection, CALLS_OF_NUMBERS.formatted(placeholders(numbers)), callArgs.toArray());
		if (customerId == 0) {
			return new Pop(0, calls, 0, 0);
		}
		int events = rows(connection, EVENTS_OF.formatted("?"), customerId, OPEN_RECORDS);
		int workOrders = rows(connection, WORK_ORDERS_OF.formatted("?"), customerId, OPEN_RECORDS);
		return new Pop(customerId, calls, events, workOrders);
	}

	static String placeholders(Collection<?> values) {
		return String.join(", ", values.stream().map(v -> "?").toList());
	}

	private static Long single(Connection connection, String sql, String column, Object... args) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, args); ResultSet result = statement.executeQuery()) {
			return result.next() ? result.getLong(column) : null;
		}
	}

	private static List<String> strings(Connection connection, String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, args); ResultSet result = statement.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	private static int rows(Connection connection, String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, args); ResultSet result = statement.executeQuery()) {
			int count = 0;
			while (result.next()) {
				count++;
			}
			return count;
		}
	}

	static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < args.length; i++) {
			statement.setObject(i + 1, args[i]);
		}
		return statement;
	}
}
