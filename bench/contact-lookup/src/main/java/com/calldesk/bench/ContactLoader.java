package com.calldesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Fills one tenant schema with customers, their contacts and the contacts' phone numbers. Every
 * value comes from a generator with a fixed seed, so every run loads the same rows and two runs'
 * figures can be compared.
 */
final class ContactLoader {

	static final int CUSTOMERS = 200_000;

	static final int CONTACTS_PER_CUSTOMER = 5;

	static final int CONTACTS = CUSTOMERS * CONTACTS_PER_CUSTOMER;

	/** Rows per executeBatch and commit; the driver rewrites each batch into multi-row INSERTs. */
	private static final int BATCH_ROWS = 10_000;

	/** One in this many contacts also has a landline. */
	private static final int LANDLINE_ONE_IN = 5;

	/** +8610 followed by eight digits: 8610xxxxxxxx, Beijing landlines. */
	private static final long LANDLINE_PREFIX = 8610L;

	private static final long EIGHT_DIGITS = 100_000_000L;

	private static final Timestamp CREATED_AT = Timestamp.valueOf("2025-01-01 08:00:00");

	private final SplittableRandom random;

	/** Kept so the benchmark can draw numbers that are certainly absent. */
	private final Set<Long> taken = new HashSet<>();

	private long[] phoneContactIds;

	private long[] phoneNumbers;

	private ContactLoader(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** Draws every phone number up front, so the timed load is only the inserts. */
	static ContactLoader generate(long seed) {
		ContactLoader loader = new ContactLoader(seed);
		loader.generatePhones();
		return loader;
	}

	/** A Chinese mobile number without its '+': 86, then 1, then 3-9, then nine digits. */
	static long randomMobile(SplittableRandom random) {
		long secondDigit = 3 + random.nextInt(7);
		return 86L * 100_000_000_000L + (10 + secondDigit) * 1_000_000_000L + random.nextLong(1_000_000_000L);
	}

	static String e164(long digits) {
		return "+" + digits;
	}

	/** Inserts every row. Committing per batch keeps the undo log small on a 1M-row load. */
	void load(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			insert(connection, "INSERT INTO customer (id, name, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
					CUSTOMERS, (ps, id) -> {
						ps.setLong(1, id);
						ps.setString(2, "Customer " + id);
						ps.setString(3, "No. " + id + " Bench Road");
						ps.setTimestamp(4, CREATED_AT);
						ps.setTimestamp(5, CREATED_AT);
					});
			insert(connection, "INSERT INTO contact (id, customer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
					CONTACTS, (ps, id) -> {
						ps.setLong(1, id);
						ps.setLong(2, (id - 1) / CONTACTS_PER_CUSTOMER + 1);
						ps.setString(3, "Contact " + id);
						ps.setTimestamp(4, CREATED_AT);
						ps.setTimestamp(5, CREATED_AT);
					});
			insert(connection, "INSERT INTO contact_phone (id, contact_id, e164, kind, created_at) VALUES (?, ?, ?, ?, ?)",
					phoneNumbers.length, (ps, id) -> {
						long number = phoneNumbers[id - 1];
						ps.setLong(1, id);
						ps.setLong(2, phoneContactIds[id - 1]);
						ps.setString(3, e164(number));
						ps.setString(4, number / EIGHT_DIGITS == LANDLINE_PREFIX ? "landline" : "mobile");
						ps.setTimestamp(5, CREATED_AT);
					});
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/** Every loaded number, without its '+', in insertion order. */
	long[] numbers() {
		return phoneNumbers;
	}

	/** The customer whose contact has the {@code phone}-th loaded number. */
	long customerOfPhone(int phone) {
		return (phoneContactIds[phone] - 1) / CONTACTS_PER_CUSTOMER + 1;
	}

	boolean isTaken(long number) {
		return taken.contains(number);
	}

	private void generatePhones() {
		long[] contactIds = new long[CONTACTS * 2];
		long[] numbers = new long[CONTACTS * 2];
		int count = 0;
		for (long contactId = 1; contactId <= CONTACTS; contactId++) {
			contactIds[count] = contactId;
			numbers[count++] = unique(() -> randomMobile(random));
			if (random.nextInt(LANDLINE_ONE_IN) == 0) {
				contactIds[count] = contactId;
				numbers[count++] = unique(() -> LANDLINE_PREFIX * EIGHT_DIGITS + 20_000_000L + random.nextLong(70_000_000L));
			}
		}
		phoneContactIds = Arrays.copyOf(contactIds, count);
		phoneNumbers = Arrays.copyOf(numbers, count);
	}

	/** Redraws until the number is new: e164 carries a UNIQUE index. */
	private long unique(LongSupplier draw) {
		long number;
		do {
			number = draw.getAsLong();
		}
		while (!taken.add(number));
		return number;
	}

	private static void insert(Connection connection, String sql, int rows, RowBinder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int id = 1; id <= rows; id++) {
				binder.bind(statement, id);
				statement.addBatch();
				if (id % BATCH_ROWS == 0 || id == rows) {
					statement.executeBatch();
					connection.commit();
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowBinder {

		void bind(PreparedStatement statement, int id) throws SQLException;
	}
}
