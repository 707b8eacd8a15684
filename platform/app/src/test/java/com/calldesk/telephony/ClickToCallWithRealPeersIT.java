package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.Strategy;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.seats.SeatSettings;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.UserAccounts;

/**
 * Click-to-call (F9) through the REST command with real peers: sipp as the agent's phone (it answers)
 * and as the tenant's gateway (the customer); the customer sees the display number of their own
 * region, the agent hangs up with the command, and another tenant cannot touch the call.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:click-to-call-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=37500", "calldesk.media.port-max=37999" })
class ClickToCallWithRealPeersIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatSettings seatSettings;

	@Autowired
	UserAccounts users;

	@Test
	void theAgentsPhoneAnswersThenTheCustomerSeesTheDisplayNumberOfTheirRegion() throws Exception {
		int gatewayPort = Peers.freePort();
		Queue queue = tenants.open(SIP_PORT, "点击外呼", "021-55560201", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50),
				gatewayPort);
		numbers.allocateDisplayNumber(queue.tenantId(), new NumberAllocation.DisplayNumberForm("010-58886666", null, 3), "test");
		numbers.allocateDisplayNumber(queue.tenantId(), new NumberAllocation.DisplayNumberForm("021-58886666", null, 3), "test");
		MockHttpSession agent = agentOf(queue);

		Path trace = Files.createTempFile("gateway", ".msg");
		Process phone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "1");
		Process customer = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(gatewayPort), "-m", "1", "-trace_msg",
				"-message_file", trace.toString());
		String callId = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/calls").session(agent).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"021-64381234\"}")).andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(), "$.callId");

		var scope = directory.activeByCode(queue.code()).orElseThrow();
		Peers.await(Duration.ofSeconds(10), "the customer to answer",
				() -> TenantContext.call(scope, () -> records.find(callId)).getAnsweredAt() != null);
		assertThat(Files.readString(trace)).as("a Shanghai customer sees the Shanghai number").contains("From: <sip:02158886666@");

		MockHttpSession otherTenant = Sessions.tenantUser(mvc, "2001000", "admin", "admin123");
		mvc.perform(delete("/api/calls/" + callId).session(otherTenant).with(csrf())).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.messageEn").value("No call " + callId + "."));
		mvc.perform(get("/api/calls/" + callId).session(otherTenant)).andExpect(status().isNotFound());

		mvc.perform(delete("/api/calls/" + callId).session(agent).with(csrf())).andExpect(status().isOk())
			.andExpect(jsonPath("$.record.direction").value("OUTBOUND"))
			.andExpect(jsonPath("$.record.seat").value(queue.seats().get(0)))
			.andExpect(jsonPath("$.record.customerNumber").value("+862164381234"))
			.andExpect(jsonPath("$.record.displayNumber").value("+862158886666"))
			.andExpect(jsonPath("$.record.endReason").value("hung-up-by-command"))
			.andExpect(jsonPath("$.legs[*].kind").value(org.hamcrest.Matchers.contains("CUSTOMER", "AGENT")));
		assertThat(Peers.finish(phone)).as("the agent's phone was hung up").isZero();
		assertThat(Peers.finish(customer)).as("the customer was hung up").isZero();
		mvc.perform(delete("/api/calls/" + callId).session(agent).with(csrf())).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("call.ended"));
	}

	@Test
	void aNumberThatIsNoNumberOrADisplayNumberOfNobodyIsRefusedInChineseAndEnglish() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "话机离线", "021-55560202", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		numbers.allocateDisplayNumber(queue.tenantId(), new NumberAllocation.DisplayNumberForm("021-58886667", null, 3), "test");
		MockHttpSession agent = agentOf(queue);

		mvc.perform(post("/api/calls").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"number\":\"abc\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("号码无效。"));
		mvc.perform(post("/api/calls").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"number\":\"02164381234\",\"displayNumberId\":999999}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageEn").value("That display number is not one of your call center's."));
	}

	/** The tenant's administrator, bound to its first seat, acts as the agent. */
	private MockHttpSession agentOf(Queue queue) throws Exception {
		var scope = directory.activeByCode(queue.code()).orElseThrow();
		TenantContext.run(scope, () -> {
			long adminId = users.byUsername(queue.adminUsername()).orElseThrow().getId();
			List<SeatSettings.SeatRow> rows = seatSettings.list();
			seatSettings.bind(rows.get(0).seatId(), adminId, "test");
		});
		return adminOf(queue);
	}
}
