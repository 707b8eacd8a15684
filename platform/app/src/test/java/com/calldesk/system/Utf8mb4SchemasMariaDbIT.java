package com.calldesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.calldesk.tenancy.TenancyProperties;
import com.calldesk.tenancy.TenantSchema;
import com.calldesk.tenancy.TenantSchemaMigrator;

/**
 * On this machine's MariaDB: the schemas CallDesk creates hold Chinese text even where the server (or an
 * operator's CREATE DATABASE) would make them latin1. A latin1 database stands in for a server whose
 * default is latin1: the server's own default cannot be changed under the other tests. Everything it
 * creates is named calldeskcs*.
 */
class Utf8mb4SchemasMariaDbIT {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&password=";

	private static final List<String> SCHEMAS = List.of("calldeskcs", "calldeskcs_t_2001000", "calldeskcs_t_2001001");

	private final DataSource dataSource = new SimpleDriverDataSource(driver(), SERVER);

	@BeforeEach
	@AfterEach
	void dropThem() throws SQLException {
		for (String schema : SCHEMAS) {
			sql("DROP DATABASE IF EXISTS " + schema);
		}
	}

	@Test
	void aTenantSchemaLeftLatin1IsMigratedAsUtf8mb4AndStoresChinese() throws SQLException {
		sql("CREATE DATABASE calldeskcs_t_2001000 CHARACTER SET latin1");

		new TenantSchemaMigrator(dataSource, "classpath:db/tenant").migrate(new TenantSchema("calldeskcs_t_2001000"));

		assertThat(defaultCharset("calldeskcs_t_2001000")).isEqualTo("utf8mb4");
		assertThat(tableCharsets("calldeskcs_t_2001000")).containsOnly("utf8mb4");
		sql("INSERT INTO calldeskcs_t_2001000.contact (customer_id, name, created_at, updated_at) VALUES (1, '王演示', NOW(3), NOW(3))");
		assertThat(query("SELECT name FROM calldeskcs_t_2001000.contact WHERE customer_id = ?", "1")).containsExactly("王演示");
	}

	@Test
	void aNewTenantSchemaIsCreatedUtf8mb4() throws SQLException {
		new TenantSchemaMigrator(dataSource, "classpath:db/tenant").migrate(new TenantSchema("calldeskcs_t_2001001"));

		assertThat(defaultCharset("calldeskcs_t_2001001")).isEqualTo("utf8mb4");
		assertThat(tableCharsets("calldeskcs_t_2001001")).containsOnly("utf8mb4");
	}

	@Test
	void thePlatformSchemaIsMadeUtf8mb4BeforeItsFirstMigration() throws SQLException {
		// what Connector/J's createDatabaseIfNotExist leaves on a latin1 server
		sql("CREATE DATABASE calldeskcs CHARACTER SET latin1");
		Flyway platform = Flyway.configure().dataSource(dataSource).schemas("calldeskcs").defaultSchema("calldeskcs")
			.locations("classpath:db/platform").load();

		new PersistenceConfiguration().utf8mb4PlatformSchema(new TenancyProperties("calldeskcs", List.of("classpath:db/tenant")))
			.migrate(platform);

		assertThat(defaultCharset("calldeskcs")).isEqualTo("utf8mb4");
		assertThat(tableCharsets("calldeskcs")).containsOnly("utf8mb4");
	}

	private static java.sql.Driver driver() {
		try {
			return DriverManager.getDriver(SERVER);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void sql(String statement) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
			st.execute(statement);
		}
	}

	private String defaultCharset(String schema) throws SQLException {
		return query("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", schema).get(0);
	}

	/** The character set of every table's collation, the schema history's included. */
	private List<String> tableCharsets(String schema) throws SQLException {
		return query("SELECT c.CHARACTER_SET_NAME FROM information_schema.TABLES t JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c "
				+ "ON c.COLLATION_NAME = t.TABLE_COLLATION WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'", schema);
	}

	private List<String> query(String sql, String parameter) throws SQLException {
		try (Connection connection = dataSource.getConnection(); PreparedStatement st = connection.prepareStatement(sql)) {
			st.setString(1, parameter);
			try (ResultSet rs = st.executeQuery()) {
				List<String> values = new ArrayList<>();
				while (rs.next()) {
					values.add(rs.getString(1));
				}
				assertThat(values).as("rows of " + sql).isNotEmpty();
				return values;
			}
		}
	}
}
