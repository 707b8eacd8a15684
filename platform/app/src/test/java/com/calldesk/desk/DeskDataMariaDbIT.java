package com.calldesk.desk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link DeskDataContract} on the production profile against this machine's MariaDB and Redis: the
 * V10 migration, the note upsert and the racing saves of a new caller on InnoDB, the ACD board on
 * Redis. The demo tenant is switched on so the contract signs in as the same agent. Everything it
 * creates is named calldeskdesk* (MariaDbRedisIT owns calldeskit*, the billing IT calldeskbill*).
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskdesk", "calldesk.redis.prefix=calldeskdesk:",
		"calldesk.provisioning.initial-staff-password=it-staff-pass", "calldesk.demo.enabled=true",
		"spring.datasource.hikari.maximum-pool-size=6", "calldesk.sip.server.enabled=false", "calldesk.media.enabled=false" })
@ActiveProfiles("prod")
@AutoConfigureMockMvc
@Import(com.calldesk.support.MiddayInChina.class)
class DeskDataMariaDbIT extends DeskDataContract {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&password=";

	@BeforeAll
	static void dropEverythingAPreviousRunLeft() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
			List<String> leftovers = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'calldeskdesk%'")) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
			for (String schema : leftovers) {
				statement.execute("DROP DATABASE `" + schema + "`");
			}
		}
	}

	@Override
	String staffPassword() {
		return "it-staff-pass";
	}
}
