package com.calldesk.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.Strategy;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformUser;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.support.QueueTenants;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.users.UserAccounts;

/**
 * What the platform ports keep, on the embedded database and on MariaDB (subclasses): credentials only
 * as ciphertext and saved over the version read, one outbox row per notice however many nodes queue it,
 * one sender per claim, a push taken once, a seat bound from the directory all or nothing, and
 * WeCom's verification names unique across tenants. The platforms' servers are stood in for locally.
 */
abstract class PlatformDataContract {

	static final PlatformStubs stubs = new PlatformStubs();

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) {
		registry.add("calldesk.platforms.dingtalk.oapi-base", stubs::base);
		registry.add("calldesk.platforms.dingtalk.api-endpoint", () -> "127.0.0.1:" + stubs.server.port());
		registry.add("calldesk.platforms.dingtalk.api-protocol", () -> "http");
	}

	/** The subclasses share the stand-in: the first one's @AfterAll stopped it, so each class starts it anew. */
	@org.junit.jupiter.api.BeforeAll
	static void startStubs() {
		if (!stubs.server.isRunning()) {
			stubs.server.start();
		}
	}

	@AfterAll
	static void stopStubs() {
		stubs.close();
	}

	@Autowired
	TenantDirectory tenants;

	@Autowired
	QueueTenants queues;

	@Autowired
	PlatformLinks links;

	@Autowired
	PlatformAccounts accounts;

	@Autowired
	Leavers leavers;

	@Autowired
	NoticeMapper outbox;

	@Autowired
	DomainVerifications verifications;

	@Autowired
	SeatAllocation seatAllocation;

	@Autowired
	SeatSettings seats;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void credentialsAreKeptOnlyAsCiphertextAndTwoSavesOverOneVersionCannotBothWin() throws Exception {
		TenantScope tenant = newTenant("凭据");
		Map<String, String> credentials = Map.of("corpId", PlatformStubs.DT_CORP, "appKey", PlatformStubs.DT_KEY, "appSecret",
				PlatformStubs.DT_SECRET, "agentId", "123456789");
		TenantContext.run(tenant, () -> links.save(Platform.DINGTALK, credentials, 0, "admin"));
		String stored = jdbc.queryForObject("SELECT secrets FROM " + tenant.schema().name() + ".platform_link", String.class);
		assertThat(stored).doesNotContain(PlatformStubs.DT_SECRET);
		TenantContext.run(tenant, () -> {
			assertThat(links.enabled(Platform.DINGTALK).orElseThrow().credentials().require("appSecret")).isEqualTo(PlatformStubs.DT_SECRET);
			links.save(Platform.DINGTALK, Map.of("corpId", PlatformStubs.DT_CORP, "appKey", PlatformStubs.DT_KEY, "agentId", "123456789"), 1,
					"admin");
			assertThat(links.enabled(Platform.DINGTALK).orElseThrow().credentials().require("appSecret")).as("a blank secret keeps the stored one")
				.isEqualTo(PlatformStubs.DT_SECRET);
			assertThatThrownBy(() -> links.save(Platform.DINGTALK, credentials, 1, "another admin"))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("platform.changed"));
		});
		assertThat(jdbc.queryForObject("SELECT version FROM " + tenant.schema().name() + ".platform_link", Integer.class)).isEqualTo(2);
	}

	@Test
	void aNoticeQueuedByTwoNodesIsOneRowAndOnlyOneNodeClaimsIt() throws Exception {
		TenantScope tenant = newTenant("通知");
		TenantContext.run(tenant, () -> {
			Instant now = Instant.parse("2026-12-07T02:00:00.123Z");
			NoticeMapper.NewId id = new NoticeMapper.NewId();
			outbox.insert("DINGTALK:pop:c1:s1", "DINGTALK", "u001", "SCREEN_POP", "c1", "{}", now, id);
			assertThatThrownBy(() -> outbox.insert("DINGTALK:pop:c1:s1", "DINGTALK", "u001", "SCREEN_POP", "c1", "{}", now,
					new NoticeMapper.NewId())).isInstanceOf(DuplicateKeyException.class);
			assertThat(outbox.due(now, 10)).extracting(NoticeMapper.Row::id).containsExactly(id.getId());
			assertThat(outbox.claim(id.getId(), now, now.plusSeconds(30))).isEqualTo(1);
			assertThat(outbox.claim(id.getId(), now.plusSeconds(1), now.plusSeconds(31))).as("the other node").isZero();
			assertThat(outbox.due(now.plusSeconds(1), 10)).isEmpty();
			outbox.later(id.getId(), 1, now.plusSeconds(5), "503");
			assertThat(outbox.due(now.plusSeconds(4), 10)).isEmpty();
			assertThat(outbox.due(now.plusSeconds(5), 10)).extracting(NoticeMapper.Row::attempts).containsExactly(1);
			assertThat(outbox.byId(id.getId()).nextAttemptAt()).isEqualTo(now.plusSeconds(5));
			outbox.sent(id.getId(), "task-1", now.plusSeconds(6));
			assertThat(outbox.byId(id.getId()).status()).isEqualTo("SENT");
			assertThat(outbox.troubled(10)).isEmpty();
		});
	}

	@Test
	void aPushIsTakenOnceAndItsLeaverLosesTheSeatWhileABindingThatFailsLeavesNoUserBehind() throws Exception {
		TenantScope tenant = newTenant("离职");
		long seatId = seatAllocation.allocate(tenant.tenantId(), 1, "test").get(0).seatId();
		PlatformUser zhang = new PlatformUser("u001", "张三", "13800000001");
		TenantContext.run(tenant, () -> {
			long userId = accounts.bindSeat(Platform.DINGTALK, zhang, seatId, "admin").getId();
			assertThatThrownBy(() -> accounts.bindSeat(Platform.DINGTALK, new PlatformUser("u002", "李四", null), seatId, "admin"))
				.isInstanceOf(DomainException.class);
			assertThat(users.all()).extracting(u -> u.getExternalId()).as("李四 was not made a user").doesNotContain("dingtalk:u002");
			String eventId = "evt-" + UUID.randomUUID();
			assertThat(leavers.take(Platform.DINGTALK, eventId, List.of("u001"))).isTrue();
			assertThat(leavers.take(Platform.DINGTALK, eventId, List.of("u001"))).isFalse();
			assertThat(seats.seatOf(userId)).isEmpty();
			assertThat(users.require(userId).isEnabled()).isFalse();
			assertThatThrownBy(() -> accounts.userFor(Platform.DINGTALK, zhang))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("platform.left"));
		});
	}

	@Test
	void aWeComVerificationNameBelongsToTheFirstTenantThatUploadedIt() throws Exception {
		TenantScope first = newTenant("校验一");
		TenantScope second = newTenant("校验二");
		String name = "WW_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".txt";
		TenantContext.run(first, () -> verifications.upload(name, "code1", "admin"));
		TenantContext.run(second, () -> assertThatThrownBy(() -> verifications.upload(name, "code2", "admin"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("platform.verify-file-taken")));
		TenantContext.run(second, () -> assertThatThrownBy(() -> verifications.delete(name)).isInstanceOf(DomainException.class));
		assertThat(verifications.served(name)).contains("code1");
		assertThat(TenantContext.call(second, verifications::own)).isEmpty();
	}

	@Test
	void theApiSavesCheckedCredentialsNeverReturnsSecretsAndBindsFromTheDirectoryForItsOwnTenantOnly() throws Exception {
		QueueTenants.Queue queue = newQueue("接口");
		TenantScope tenant = tenants.scopeOf(tenants.require(queue.tenantId()));
		TenantScope other = newTenant("接口隔壁");
		var admin = admin(tenant, queue.adminUsername());
		String wrong = "{\"version\":0,\"values\":{\"corpId\":\"" + PlatformStubs.DT_CORP + "\",\"appKey\":\"" + PlatformStubs.DT_KEY
				+ "\",\"appSecret\":\"wrong-secret\",\"agentId\":\"123456789\"}}";
		mvc.perform(put("/api/platforms/dingtalk").with(admin).with(csrf()).contentType("application/json").content(wrong))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("platform.invalid-credentials"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("钉钉")))
			.andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("DingTalk refused these credentials")));
		String good = wrong.replace("wrong-secret", PlatformStubs.DT_SECRET);
		mvc.perform(put("/api/platforms/dingtalk").with(admin).with(csrf()).contentType("application/json").content(good))
			.andExpect(status().isNoContent());
		mvc.perform(put("/api/platforms/dingtalk").with(admin).with(csrf()).contentType("application/json").content(good))
			.andExpect(status().isConflict());
		String listed = mvc.perform(get("/api/platforms").with(admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.platform == 'dingtalk')].connected").value(org.hamcrest.Matchers.contains(true)))
			.andExpect(jsonPath("$[?(@.platform == 'dingtalk')].secretsSet[0]").value(org.hamcrest.Matchers.contains("appSecret")))
			.andReturn().getResponse().getContentAsString();
		assertThat(listed).doesNotContain(PlatformStubs.DT_SECRET);
		var otherAdmin = admin(other, "admin");
		mvc.perform(get("/api/platforms").with(otherAdmin))
			.andExpect(jsonPath("$[?(@.platform == 'dingtalk')].connected").value(org.hamcrest.Matchers.contains(false)));
		mvc.perform(get("/api/platforms/dingtalk/directory").param("q", "客服").with(otherAdmin)).andExpect(status().isNotFound());
		mvc.perform(get("/api/platforms/dingtalk/directory").param("q", "客服").with(admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].platformUserId").value(org.hamcrest.Matchers.contains("u001")))
			.andExpect(jsonPath("$[0].departments[0]").value("客服部"));
		long seatId = seatAllocation.allocate(tenant.tenantId(), 1, "test").get(0).seatId();
		mvc.perform(post("/api/platforms/dingtalk/directory/u001/seat").with(admin).with(csrf()).contentType("application/json")
			.content("{\"seatId\":" + seatId + "}")).andExpect(status().isNoContent());
		assertThat(TenantContext.call(tenant, () -> users.require(seats.list().stream().filter(r -> r.seatId() == seatId).findFirst()
			.orElseThrow().user().getId()).getExternalId())).isEqualTo("dingtalk:u001");
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor admin(TenantScope tenant, String username) {
		var user = TenantContext.call(tenant, () -> users.byUsername(username).orElseThrow());
		var principal = new com.calldesk.users.SignedInUser(tenant.tenantId(), tenant.code(), tenant.schema().name(), user.getId(), username,
				user.getDisplayName(), com.calldesk.users.Role.TENANT_ADMIN);
		return authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_TENANT_ADMIN"))));
	}

	private QueueTenants.Queue newQueue(String name) throws Exception {
		String trunk = "021-5556" + (2000 + (int) (Math.random() * 7000));
		return queues.open(0, "平台" + name, trunk, 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 30, 0, 3, 0, 120, 50));
	}

	private TenantScope newTenant(String name) throws Exception {
		String trunk = "021-5556" + (2000 + (int) (Math.random() * 7000));
		long id = queues.open(0, "平台" + name, trunk, 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 30, 0, 3, 0, 120, 50)).tenantId();
		return tenants.scopeOf(tenants.require(id));
	}
}
