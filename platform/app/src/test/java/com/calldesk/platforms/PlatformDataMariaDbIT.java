package com.calldesk.platforms;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PlatformDataContract} on the production profile against this machine's MariaDB and Redis: the
 * V15 tenant and V2 platform migrations, the unique keys and claims on InnoDB, secrets under a key from
 * the configuration. Everything it creates is named calldeskplat*.
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskplat", "calldesk.redis.prefix=calldeskplat:",
		"calldesk.provisioning.initial-staff-password=it-staff-pass", "spring.datasource.hikari.maximum-pool-size=6",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false",
		"calldesk.platforms.secret-keys=it:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" })
@ActiveProfiles("prod")
@Import(com.calldesk.support.QueueTenants.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class PlatformDataMariaDbIT extends PlatformDataContract {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&password=";

	@BeforeAll
	static void dropEverythingAPreviousRunLeft() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
			List<String> leftovers = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'calldeskplat%'")) {
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
