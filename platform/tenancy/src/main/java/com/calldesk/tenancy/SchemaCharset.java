package com.calldesk.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every schema CallDesk creates on MySQL or MariaDB is utf8mb4, whatever the server's default. A table
 * takes its character set from its schema when it is created, and a server left at its own default
 * (latin1 on MySQL 5.7 and on upstream MariaDB builds; Debian's packages set utf8mb4 in their config)
 * would refuse every Chinese name with "Incorrect string value". So the schema is made, or set, utf8mb4
 * before its first migration runs. H2 stores Unicode whatever it is told: nothing to do there.
 */
public final class SchemaCharset {

	private static final Logger log = LoggerFactory.getLogger(SchemaCharset.class);

	private SchemaCharset() {
	}

	/** Creates {@code schema} as utf8mb4, or sets an existing one's default to utf8mb4 (its existing tables keep theirs). */
	public static void ensureUtf8mb4(DataSource dataSource, TenantSchema schema) {
		try (Connection connection = dataSource.getConnection()) {
			if (SchemaSwitch.forProduct(connection.getMetaData().getDatabaseProductName()) != SchemaSwitch.CATALOG) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE IF NOT EXISTS " + schema.name() + " CHARACTER SET utf8mb4");
				String current = defaultCharset(connection, schema);
				if (!"utf8mb4".equalsIgnoreCase(current)) {
					statement.execute("ALTER DATABASE " + schema.name() + " CHARACTER SET utf8mb4");
					int tables = tableCount(connection, schema);
					if (tables > 0) {
						log.warn("Schema {} had the default character set {}; it is utf8mb4 now for the tables created from here on. "
								+ "The {} tables it already held keep theirs: convert them (ALTER TABLE … CONVERT TO CHARACTER SET utf8mb4) "
								+ "before they store Chinese text", schema, current, tables);
					}
					else {
						log.info("Schema {} was created with the server's default character set {}; set to utf8mb4 before its first table",
								schema, current);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot make schema " + schema + " utf8mb4", ex);
		}
	}

	private static int tableCount(Connection connection, TenantSchema schema) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
			query.setString(1, schema.name());
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static String defaultCharset(Connection connection, TenantSchema schema) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			query.setString(1, schema.name());
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}
}
