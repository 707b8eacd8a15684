package com.calldesk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class TenantIsolationTest {

	private HikariDataSource pool;

	private TenantScopedDataSource dataSource;

	private JdbcTemplate jdbc;

	private final TenantScope alpha = scope(1, "1001");

	private final TenantScope beta = scope(2, "1002");

	@BeforeEach
	void setUp() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:iso" + System.nanoTime()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS cd");
		config.setMaximumPoolSize(2);
		pool = new HikariDataSource(config);
		dataSource = new TenantScopedDataSource(pool, new TenantSchema("cd"));
		jdbc = new JdbcTemplate(dataSource);
		TenantSchemaMigrator migrator = new TenantSchemaMigrator(pool, "classpath:db/tenant-ok");
		migrator.migrate(alpha.schema());
		migrator.migrate(beta.schema());
	}

	@AfterEach
	void tearDown() {
		pool.close();
	}

	@Test
	void interleavedWorkOfTwoTenantsOnOnePoolSeesOnlyItsOwnRows() {
		TenantContext.run(alpha, () -> insert("alpha"));
		TenantContext.run(beta, () -> insert("beta"));
		TenantContext.run(alpha, () -> insert("alpha"));

		assertThat(TenantContext.call(alpha, this::owners)).containsExactly("alpha", "alpha");
		assertThat(TenantContext.call(beta, this::owners)).containsExactly("beta");
	}

	@Test
	void concurrentTenantsSharingTwoConnectionsNeverSeeEachOther() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> runs = List.of(alpha, beta, alpha, beta).stream()
				.map(scope -> threads.submit(() -> TenantContext.run(scope, () -> {
					for (int i = 0; i < 100; i++) {
						insert(scope.code());
						assertThat(owners()).containsOnly(scope.code());
					}
				})))
				.<Future<?>>map(f -> f)
				.toList();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(TenantContext.call(alpha, this::owners)).hasSize(200).containsOnly("1001");
		assertThat(TenantContext.call(beta, this::owners)).hasSize(200).containsOnly("1002");
	}

	@Test
	void withoutATenantTheConnectionIsOnThePlatformSchemaWhereTenantTablesDoNotExist() {
		TenantContext.run(alpha, () -> insert("alpha"));
		assertThatThrownBy(this::owners).isInstanceOf(BadSqlGrammarException.class);
	}

	@Test
	void tenantCannotChangeInsideATransaction() {
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		TenantContext.run(alpha, () -> assertThatThrownBy(() -> tx.executeWithoutResult(status -> TenantContext.run(beta, this::owners)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("inside a transaction"));
	}

	@Test
	void tenantIsCarriedToAnotherThreadOnlyWhenWrapped() throws Exception {
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			TenantContext.run(alpha, () -> {
				try {
					assertThat(other.submit(() -> TenantContext.current()).get()).isEmpty();
					assertThat(other.submit(TenantContext.wrap(() -> TenantContext.require().code())).get()).isEqualTo("1001");
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			});
		}
		finally {
			other.shutdownNow();
		}
	}

	@Test
	void failedFirstMigrationLeavesNoSchemaBehindAndCanBeRetried() {
		TenantSchema gamma = TenantSchema.forTenant("cd", "1003");
		TenantSchemaMigrator broken = new TenantSchemaMigrator(pool, "classpath:db/tenant-broken");
		assertThatThrownBy(() -> broken.migrate(gamma)).isInstanceOf(RuntimeException.class);
		assertThat(broken.exists(gamma)).isFalse();

		new TenantSchemaMigrator(pool, "classpath:db/tenant-ok").migrate(gamma);
		assertThat(broken.exists(gamma)).isTrue();
	}

	@Test
	void unsafeSchemaNamesAndTenantCodesAreRejected() {
		assertThatThrownBy(() -> new TenantSchema("cd; DROP DATABASE x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TenantSchema.forTenant("cd", "12a4")).isInstanceOf(IllegalArgumentException.class);
		assertThat(TenantSchema.forTenant("cd", "2001850").name()).isEqualTo("cd_t_2001850");
	}

	private void insert(String owner) {
		jdbc.update("INSERT INTO note(owner, body) VALUES (?, ?)", owner, "x");
	}

	private List<String> owners() {
		return jdbc.queryForList("SELECT owner FROM note ORDER BY id", String.class);
	}

	private static TenantScope scope(long id, String code) {
		return new TenantScope(id, code, TenantSchema.forTenant("cd", code));
	}
}
