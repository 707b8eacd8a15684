package com.calldesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Provisioning.OpenedTenant;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The production profile against the MariaDB and Redis of this machine: schemas are MySQL databases
 * switched with setCatalog, counters live in Redis. Everything it creates is named calldeskit*.
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskit", "calldesk.redis.prefix=calldeskit:",
		"calldesk.provisioning.initial-staff-password=it-staff-pass", "spring.datasource.hikari.maximum-pool-size=4",
		"calldesk.sip.server.enabled=false" })
@ActiveProfiles("prod")
@AutoConfigureMockMvc
class MariaDbRedisIT {

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/?user=root&password=";

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	RedissonClient redisson;

	@Autowired
	com.calldesk.calls.CtiBus cti;

	@Autowired
	java.util.List<com.calldesk.calls.CallEvent> heard;

	@org.springframework.boot.test.context.TestConfiguration
	static class Heard {

		@org.springframework.context.annotation.Bean
		java.util.List<com.calldesk.calls.CallEvent> heard() {
			return new java.util.concurrent.CopyOnWriteArrayList<>();
		}

		@org.springframework.context.annotation.Bean
		Object heardListener(java.util.List<com.calldesk.calls.CallEvent> heard) {
			return new Object() {
				@org.springframework.context.event.EventListener
				void on(com.calldesk.calls.CallEvent event) {
					heard.add(event);
				}
			};
		}
	}

	@BeforeAll
	static void dropEverythingAPreviousRunLeft() throws Exception {
		try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
			List<String> leftovers = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'calldeskit%'")) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
			for (String schema : leftovers) {
				statement.execute("DROP DATABASE `" + schema + "`");
			}
		}
	}

	@Test
	void interleavedRequestsOfTwoTenantsOnASmallPoolNeverSeeEachOthersRows() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "it-staff-pass"));
		OpenedTenant a = provisioning.openTenant("MariaDB 甲");
		OpenedTenant b = provisioning.openTenant("MariaDB 乙");
		MockHttpSession adminA = Sessions.tenantUser(mvc, a.code(), "admin", a.adminPassword());
		MockHttpSession adminB = Sessions.tenantUser(mvc, b.code(), "admin", b.adminPassword());

		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				MockHttpSession session = t % 2 == 0 ? adminA : adminB;
				String owner = t % 2 == 0 ? "甲" : "乙";
				runs.add(threads.submit(() -> {
					for (int i = 0; i < 20; i++) {
						mvc.perform(post("/api/customers").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
							.content(Provisioning.write(Map.of("name", owner + "-客户")))).andExpect(status().isCreated());
						JsonNode page = Provisioning.json(mvc.perform(get("/api/customers").param("size", "100").session(session)));
						page.get("items").forEach(c -> assertThat(c.get("name").asString()).isEqualTo(owner + "-客户"));
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(Provisioning.json(mvc.perform(get("/api/customers").session(adminA))).get("total").asLong()).isEqualTo(60);
		assertThat(Provisioning.json(mvc.perform(get("/api/customers").session(adminB))).get("total").asLong()).isEqualTo(60);
	}

	@Test
	void eachTenantIsItsOwnDatabaseAndAPooledConnectionReturnsToThePlatformBaseline() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "it-staff-pass"));
		OpenedTenant a = provisioning.openTenant("基线甲");
		TenantScope scope = tenants.activeByCode(a.code()).orElseThrow();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", Integer.class,
				"calldeskit_t_" + a.code())).isEqualTo(1);
		assertThat(TenantContext.call(scope, () -> jdbc.queryForObject("SELECT DATABASE()", String.class))).isEqualTo("calldeskit_t_" + a.code());
		assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("calldeskit");
		int migrations = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/tenant/V*.sql").length;
		assertThat(TenantContext.call(scope, () -> jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND type = 'SQL'", Integer.class)))
			.isEqualTo(migrations).isGreaterThanOrEqualTo(3);
	}

	@Test
	void concurrentTopUpsKeepTheLedgerBalanced() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "it-staff-pass"));
		OpenedTenant a = provisioning.openTenant("余额甲");
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 1; i <= 12; i++) {
				int amount = i * 100;
				runs.add(threads.submit(() -> {
					provisioning.postJson("/api/admin/tenants/{id}/top-ups", Map.of("amountFen", amount), a.id()).andExpect(status().isCreated());
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long expected = 100L * (12 * 13 / 2);
		assertThat(jdbc.queryForObject("SELECT balance_fen FROM calldeskit.tenant WHERE id = ?", Long.class, a.id())).isEqualTo(expected);
		assertThat(jdbc.queryForObject("SELECT MAX(balance_after_fen) FROM calldeskit.balance_entry WHERE tenant_id = ?", Long.class, a.id()))
			.isEqualTo(expected);
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT balance_after_fen) FROM calldeskit.balance_entry WHERE tenant_id = ?", Integer.class,
				a.id())).isEqualTo(12);
	}

	@Test
	void ctiEventsTravelOnTheRedisTopicAndComeBackAsLocalEvents() throws Exception {
		java.util.List<String> onTheWire = new java.util.concurrent.CopyOnWriteArrayList<>();
		int wire = redisson.getTopic("calldeskit:cti", org.redisson.client.codec.StringCodec.INSTANCE)
			.addListener(String.class, (channel, message) -> onTheWire.add(message));
		try {
			java.time.Instant now = java.time.Instant.now();
			var call = new com.calldesk.calls.CallView("call-1", 7, "2001007", com.calldesk.calls.CallDirection.INBOUND,
					com.calldesk.phone.PhoneNumbers.require("+8613800138000"), "+8613800138000", "01062345678", "+861062345678", null,
					"ss2001007ss0001", com.calldesk.calls.CallPhase.ANSWERED, false, null, now, now, now, null, null, null, "node-a", null, null);
			cti.publish(new com.calldesk.calls.CallEvent.CallAnswered(3, now, call));
			com.calldesk.support.Peers.await(java.time.Duration.ofSeconds(10), "the event to come back from Redis",
					() -> heard.stream().anyMatch(e -> e.call().callId().equals("call-1")));
			assertThat(onTheWire).singleElement().asString().contains("\"type\":\"CallAnswered\"").contains("ss2001007ss0001");
			assertThat(heard).filteredOn(e -> e.call().callId().equals("call-1")).singleElement()
				.isInstanceOf(com.calldesk.calls.CallEvent.CallAnswered.class)
				.satisfies(e -> assertThat(e.call().answeredAt()).isNotNull())
				.satisfies(e -> assertThat(e.seq()).isEqualTo(3))
				.satisfies(e -> assertThat(e.call().customer().regionZh()).isNotBlank());
		}
		finally {
			redisson.getTopic("calldeskit:cti").removeListener(wire);
		}
	}

	@Test
	void signInLockOutIsSharedThroughRedis() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "it-staff-pass"));
		OpenedTenant a = provisioning.openTenant("锁定甲");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("tenantCode", a.code()).param("username", "admin").param("password", "wrong"));
		}
		mvc.perform(post("/login").with(csrf()).param("tenantCode", a.code()).param("username", "admin").param("password", a.adminPassword()))
			.andExpect(redirectedUrl("/login?error=locked"));
		assertThat(redisson.getBucket("calldeskit:blk:login:" + a.code() + "/admin").isExists()).isTrue();
		redisson.getBucket("calldeskit:blk:login:" + a.code() + "/admin").delete();
		Sessions.tenantUser(mvc, a.code(), "admin", a.adminPassword());
	}
}
