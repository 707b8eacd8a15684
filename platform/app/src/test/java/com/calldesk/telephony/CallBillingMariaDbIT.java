package com.calldesk.telephony;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CallBillingContract} on the production profile against this machine's MariaDB and Redis:
 * each tenant's schema is a database of its own, and the debit crosses into the platform database on
 * the same connection. Everything it creates is named calldeskbill* (MariaDbRedisIT owns calldeskit*).
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskbill", "calldesk.redis.prefix=calldeskbill:",
		"calldesk.provisioning.initial-staff-password=it-staff-pass", "spring.datasource.hikari.maximum-pool-size=4",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false" })
@ActiveProfiles("prod")
class CallBillingMariaDbIT extends CallBillingContract {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&password=";

	@BeforeAll
	static void dropEverythingAPreviousRunLeft() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
			List<String> leftovers = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'calldeskbill%'")) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
			for (String schema : leftovers) {
				statement.execute("DROP DATABASE `" + schema + "`");
			}
		}
	}
}
