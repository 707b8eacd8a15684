package com.calldesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.provisioning.resources.SeatCredentials;
import com.calldesk.provisioning.resources.SeatMapper;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Provisioning.OpenedTenant;
import com.calldesk.support.Sessions;

/** The whole application on the embedded default (H2, in-process state), driven over HTTP. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:embedded-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk", "calldesk.sip.server.enabled=false" })
@AutoConfigureMockMvc
class EmbeddedApplicationIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	SeatMapper seatRows;

	MockHttpSession staff;

	Provisioning provisioning;

	@BeforeEach
	void signInStaff() throws Exception {
		staff = Sessions.staff(mvc, "staff", "staff123");
		provisioning = new Provisioning(mvc, staff);
	}

	@Test
	void demoTenantIsSeededAndItsAgentSeesTheBoundSeat() throws Exception {
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		mvc.perform(get("/").session(agent)).andExpect(status().isOk())
			.andExpect(content().string(containsString("ss2001000ss0001")));
		mvc.perform(get("/?lang=en").session(agent)).andExpect(content().string(containsString("My seat")));
	}

	@Test
	void staffOpensATenantAndAllocatesEveryResourceWithAnOrderLineEach() throws Exception {
		OpenedTenant tenant = provisioning.openTenant("华东家电售后");
		assertThat(tenant.code()).matches("[0-9]{7}");
		assertThat(tenant.adminPassword()).hasSize(16);

		provisioning.postJson("/api/admin/tenants/{id}/trunk-numbers", Map.of("number", "021-61234567", "serviceNumber", "400-820-1234"), tenant.id())
			.andExpect(status().isCreated()).andExpect(jsonPath("$.number").value("+862161234567"))
			.andExpect(jsonPath("$.channelLimit").value(5));
		provisioning.postJson("/api/admin/tenants/{id}/display-numbers", Map.of("number", "13910001000"), tenant.id())
			.andExpect(status().isCreated()).andExpect(jsonPath("$.regionZh").value(containsString("北京")))
			.andExpect(jsonPath("$.channelLimit").value(3));
		List<JsonNode> seats = provisioning.allocateSeats(tenant.id(), 2);
		assertThat(seats).extracting(s -> s.get("sipUsername").asString())
			.containsExactly("ss" + tenant.code() + "ss0001", "ss" + tenant.code() + "ss0002");
		JsonNode first = seats.get(0);
		var stored = seatRows.selectById(first.get("seatId").asLong());
		assertThat(stored.getHa1()).isEqualTo(SeatCredentials.ha1(stored.getSipUsername(), "calldesk", first.get("password").asString()))
			.doesNotContain(first.get("password").asString());

		mvc.perform(put("/api/admin/tenants/{id}/callback", tenant.id()).session(staff).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}")).andExpect(status().isOk());
		mvc.perform(put("/api/admin/tenants/{id}/rates", tenant.id()).session(staff).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outboundFenPerMinute\":12,\"forwardFenPerMinute\":15}"))
			.andExpect(status().isOk());
		provisioning.postJson("/api/admin/tenants/{id}/top-ups", Map.of("amountFen", 50000, "reference", "R1"), tenant.id())
			.andExpect(status().isCreated()).andExpect(jsonPath("$.balanceAfterFen").value(50000));
		provisioning.postJson("/api/admin/tenants/{id}/top-ups", Map.of("amountFen", 2500), tenant.id())
			.andExpect(jsonPath("$.balanceAfterFen").value(52500));
		provisioning.postJson("/api/admin/tenants/{id}/gateways", Map.of("name", "自有网关", "host", "gw.example.com", "authMode", "REGISTER",
				"username", "u1", "password", "p1"), tenant.id()).andExpect(status().isCreated());
		provisioning.postJson("/api/admin/tenants/{id}/gateways", Map.of("name", "bad", "host", "gw2.example.com", "authMode", "REGISTER"), tenant.id())
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("gateway.auth"));
		provisioning.postJson("/api/admin/tenants/{id}/device-orders", Map.of("kind", "HEADSET", "model", "Jabra Evolve2 30", "quantity", 4), tenant.id())
			.andExpect(status().isCreated());

		mvc.perform(get("/api/admin/tenants/{id}", tenant.id()).session(staff))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("ha1"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"p1\""))))
			.andExpect(jsonPath("$.seats[0].sipUsername").exists());
		mvc.perform(get("/api/admin/tenants/{id}", tenant.id()).session(staff)).andExpect(status().isOk())
			.andExpect(jsonPath("$.tenant.balanceFen").value(52500))
			.andExpect(jsonPath("$.tenant.callbackEnabled").value(true))
			.andExpect(jsonPath("$.tenant.outboundRateFen").value(12))
			.andExpect(jsonPath("$.orderLines.length()").value(10))
			.andExpect(jsonPath("$.orderLines[*].createdBy").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("staff"))));
		mvc.perform(get("/api/admin/seats/{id}/sheet", first.get("seatId").asLong()).session(staff))
			.andExpect(jsonPath("$.account").value("ss" + tenant.code() + "ss0001")).andExpect(jsonPath("$.port").value(5091));
		mvc.perform(get("/admin/seats/{id}/sheet", first.get("seatId").asLong()).session(staff))
			.andExpect(content().string(containsString("MicroSIP"))).andExpect(content().string(containsString("注册端口")));
	}

	@Test
	void aNumberBelongsToOneTenantAtATime() throws Exception {
		OpenedTenant a = provisioning.openTenant("甲公司");
		OpenedTenant b = provisioning.openTenant("乙公司");
		provisioning.postJson("/api/admin/tenants/{id}/trunk-numbers", Map.of("number", "010-88889999"), a.id()).andExpect(status().isCreated());
		provisioning.postJson("/api/admin/tenants/{id}/trunk-numbers", Map.of("number", "+86 10 8888 9999"), b.id())
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("number.taken"))
			.andExpect(jsonPath("$.message").value("号码 +861088889999 已分配给其他租户。"))
			.andExpect(jsonPath("$.messageEn").value("The number +861088889999 already belongs to a tenant."));
		provisioning.postJson("/api/admin/tenants/{id}/display-numbers", Map.of("number", "01088889999"), b.id())
			.andExpect(status().isConflict());
	}

	@Test
	void tenantAdminBindsSeatsOneToOneAndTheAgentSignsInToIt() throws Exception {
		OpenedTenant tenant = provisioning.openTenant("丙公司");
		List<JsonNode> seats = provisioning.allocateSeats(tenant.id(), 2);
		long seat1 = seats.get(0).get("seatId").asLong();
		long seat2 = seats.get(1).get("seatId").asLong();
		MockHttpSession admin = Sessions.tenantUser(mvc, tenant.code(), "admin", tenant.adminPassword());
		long alice = createUser(admin, "alice", "AGENT");
		long bob = createUser(admin, "bob", "AGENT");

		bind(admin, seat1, alice).andExpect(status().isNoContent());
		bind(admin, seat1, bob).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("seat.already-bound"));
		bind(admin, seat2, alice).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("user.already-bound"));
		mvc.perform(get("/api/seats").session(admin)).andExpect(jsonPath("$[0].username").value("alice"))
			.andExpect(jsonPath("$[1].username").doesNotExist());

		MockHttpSession aliceSession = Sessions.tenantUser(mvc, tenant.code(), "alice", "password-alice");
		mvc.perform(get("/").session(aliceSession)).andExpect(content().string(containsString("ss" + tenant.code() + "ss0001")));
		mvc.perform(get("/api/seats").session(aliceSession)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("access.denied"));

		mvc.perform(delete("/api/seats/{id}/binding", seat1).session(admin).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(delete("/api/seats/{id}/binding", seat1).session(admin).with(csrf())).andExpect(status().isNotFound());
		bind(admin, seat2, alice).andExpect(status().isNoContent());
	}

	@Test
	void afterSalesObjectsAreFoundByAnyFormOfTheirNumbers() throws Exception {
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		long customer = id(postJson(agent, "/api/customers", Map.of("name", "上海某某物业", "address", "上海市浦东新区")).andExpect(status().isCreated()));
		long contact = id(postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "陈经理",
				"phones", List.of("138 1234 5678", "021-6234 5679"))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.phones.length()").value(2)));
		for (String callerId : List.of("+8613812345678", "013812345678", "8613812345678", "02162345679")) {
			mvc.perform(get("/api/contacts/lookup").param("phone", callerId).session(agent)).andExpect(status().isOk())
				.andExpect(jsonPath("$.contact.contact.id").value(contact)).andExpect(jsonPath("$.customer.name").value("上海某某物业"));
		}
		postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "重复", "phones", List.of("13812345678")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("phone.duplicate"));
		mvc.perform(put("/api/contacts/{id}", contact).session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(Provisioning.write(Map.of("customerId", customer, "name", "陈经理", "phones", List.of("13812345678", "13987654321")))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.phones[*].e164").value(org.hamcrest.Matchers.containsInAnyOrder("+8613812345678", "+8613987654321")));
		mvc.perform(get("/api/contacts/lookup").param("phone", "02162345679").session(agent)).andExpect(status().isNotFound());

		long event = id(postJson(agent, "/api/events", Map.of("customerId", customer, "contactId", contact, "title", "空调不制冷")).andExpect(status().isCreated()));
		long order = id(postJson(agent, "/api/work-orders", Map.of("customerId", customer, "eventId", event, "title", "上门检修", "priority", "HIGH"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN")));
		move(agent, order, "IN_PROGRESS").andExpect(status().isOk());
		move(agent, order, "OPEN").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("work-order.transition"));
		move(agent, order, "RESOLVED").andExpect(status().isOk());
		move(agent, order, "CLOSED").andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(get("/api/work-orders").param("customerId", Long.toString(customer)).param("status", "CLOSED").session(agent))
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].title").value("上门检修"));
		mvc.perform(get("/api/customers").param("q", "上海").param("size", "1").session(agent))
			.andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.size").value(1));
	}

	@Test
	void tenantsNeverSeeEachOthersRecordsOrSeats() throws Exception {
		OpenedTenant a = provisioning.openTenant("租户甲");
		OpenedTenant b = provisioning.openTenant("租户乙");
		long seatOfA = provisioning.allocateSeats(a.id(), 1).get(0).get("seatId").asLong();
		MockHttpSession adminA = Sessions.tenantUser(mvc, a.code(), "admin", a.adminPassword());
		MockHttpSession adminB = Sessions.tenantUser(mvc, b.code(), "admin", b.adminPassword());
		postJson(adminA, "/api/customers", Map.of("name", "甲的第一个客户")).andExpect(status().isCreated());
		long customerA = id(postJson(adminA, "/api/customers", Map.of("name", "甲的客户")));
		postJson(adminA, "/api/contacts", Map.of("customerId", customerA, "name", "甲联系人", "phones", List.of("13700001111")))
			.andExpect(status().isCreated());
		long customerB = id(postJson(adminB, "/api/customers", Map.of("name", "乙的客户")));

		assertThat(customerA).isNotEqualTo(customerB);
		mvc.perform(get("/api/customers/{id}", customerA).session(adminB)).andExpect(status().isNotFound());
		mvc.perform(get("/api/customers/{id}", customerB).session(adminB)).andExpect(jsonPath("$.name").value("乙的客户"));
		mvc.perform(get("/api/customers").session(adminB)).andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("乙的客户")));
		mvc.perform(get("/api/contacts/lookup").param("phone", "13700001111").session(adminB)).andExpect(status().isNotFound());
		postJson(adminB, "/api/contacts", Map.of("customerId", customerB, "name", "乙联系人", "phones", List.of("13700001111")))
			.andExpect(status().isCreated());
		long userB = createUser(adminB, "carol", "AGENT");
		bind(adminB, seatOfA, userB).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("seat.not-found"));
		mvc.perform(get("/api/seats").session(adminB)).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/contacts/lookup").param("phone", "13700001111").session(adminA))
			.andExpect(jsonPath("$.contact.contact.name").value("甲联系人"));
	}

	@Test
	void badInputGetsA4xxInChineseAndEnglishAndSavesNothing() throws Exception {
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		mvc.perform(post("/api/customers").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.malformed"))
			.andExpect(jsonPath("$.message").value(containsString("JSON"))).andExpect(jsonPath("$.messageEn").value(containsString("JSON")));
		postJson(agent, "/api/customers", Map.of("name", "x".repeat(101))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields[0].field").value("name")).andExpect(jsonPath("$.fields[0].message").value("字段 name 长度不符合要求。"));
		long customer = id(postJson(agent, "/api/customers", Map.of("name", "客户")));
		postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "好号码坏号码", "phones", List.of("13911112222", "12345")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("phone.invalid"))
			.andExpect(jsonPath("$.message").value("“12345”不是有效的电话号码。"));
		mvc.perform(get("/api/contacts/lookup").param("phone", "13911112222").session(agent)).andExpect(status().isNotFound());
		postJson(agent, "/api/contacts", Map.of("customerId", 999999, "name", "n", "phones", List.of())).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.messageEn").value("No customer 999999."));
		mvc.perform(get("/api/customers").param("size", "1000").session(agent)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/customers/abc").session(agent)).andExpect(status().isBadRequest());
		mvc.perform(post("/api/customers").session(agent).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/customers")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"companyName\":\"c\",\"contactName\":\"n\",\"contactPhone\":\"not-a-phone\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("phone.invalid"));
	}

	@Test
	void unknownTenantAndWrongPasswordFailAlikeAndRepeatedFailuresLockTheAccount() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("tenantCode", "9999999").param("username", "agent").param("password", "agent123"))
			.andExpect(redirectedUrl("/login?error=failed"));
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/login").with(csrf()).param("tenantCode", "2001000").param("username", "agent2").param("password", "wrong"))
				.andExpect(redirectedUrl("/login?error=failed"));
		}
		mvc.perform(post("/login").with(csrf()).param("tenantCode", "2001000").param("username", "agent2").param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(post("/login").with(csrf()).param("tenantCode", "2001000").param("username", "agent2").param("password", "agent123"))
			.andExpect(redirectedUrl("/login?error=locked"));
		Sessions.tenantUser(mvc, "2001000", "supervisor", "super123");
	}

	@Test
	void applicationsAreDecidedOnceAndRejectionNeedsAReason() throws Exception {
		long application = Provisioning.json(mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"companyName\":\"丁公司\",\"contactName\":\"丁\",\"contactPhone\":\"13600001111\"}"))).get("applicationId").asLong();
		provisioning.postJson("/api/admin/applications/{id}/reject", Map.of("reason", " "), application).andExpect(status().isBadRequest());
		provisioning.postJson("/api/admin/applications/{id}/reject", Map.of("reason", "资料不全"), application).andExpect(status().isOk());
		mvc.perform(post("/api/admin/applications/{id}/approve", application).session(staff).with(csrf()))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("application.decided"));
		mvc.perform(get("/api/admin/tenants")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiIsDocumentedAndHealthIsPublic() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/contacts/lookup")))
			.andExpect(content().string(containsString("/api/admin/tenants/{id}/seats")));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void provisioningAnUnknownTenantIsA404() throws Exception {
		provisioning.postJson("/api/admin/tenants/{id}/seats", Map.of("count", 1), 987654).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("tenant.not-found")).andExpect(jsonPath("$.message").value("租户 987654 不存在。"));
		provisioning.postJson("/api/admin/tenants/{id}/seats", Map.of("count", 101), 1).andExpect(status().isBadRequest());
	}

	private long createUser(MockHttpSession admin, String username, String role) throws Exception {
		return id(postJson(admin, "/api/users", Map.of("username", username, "displayName", username, "role", role,
				"password", "password-" + username)).andExpect(status().isCreated()));
	}

	private org.springframework.test.web.servlet.ResultActions bind(MockHttpSession admin, long seatId, long userId) throws Exception {
		return mvc.perform(put("/api/seats/{id}/binding", seatId).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":" + userId + "}"));
	}

	private org.springframework.test.web.servlet.ResultActions move(MockHttpSession session, long order, String status) throws Exception {
		return mvc.perform(patch("/api/work-orders/{id}/status", order).session(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"" + status + "\"}"));
	}

	private org.springframework.test.web.servlet.ResultActions postJson(MockHttpSession session, String url, Object body) throws Exception {
		return mvc.perform(post(url).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(Provisioning.write(body)));
	}

	private static long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		JsonNode node = Provisioning.json(result);
		return node.has("contact") ? node.get("contact").get("id").asLong() : node.get("id").asLong();
	}
}
