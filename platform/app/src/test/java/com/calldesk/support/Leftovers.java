package com.calldesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What an earlier run of a production-profile test left in MariaDB and Redis, dropped before the next:
 * tenant ids start again with the schemas, so agents and registrations left in Redis must go too.
 * Everything of one test class is named by its {@code name} (schemas {@code name*}, keys {@code name:*}).
 */
public final class Leftovers {

	private Leftovers() {
	}

	public static void drop(String name) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?user=root&password=");
				Statement statement = connection.createStatement()) {
			List<String> schemas = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '" + name + "%'")) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
			for (String schema : schemas) {
				statement.execute("DROP DATABASE `" + schema + "`");
			}
		}
		Process redis = new ProcessBuilder("sh", "-c", "redis-cli -h 127.0.0.1 --scan --pattern '" + name + ":*' | xargs -r redis-cli -h 127.0.0.1 del")
			.redirectErrorStream(true).start();
		if (!redis.waitFor(20, TimeUnit.SECONDS) || redis.exitValue() != 0) {
			throw new IllegalStateException("could not clear the previous run's Redis keys " + name + ":*");
		}
	}
}
