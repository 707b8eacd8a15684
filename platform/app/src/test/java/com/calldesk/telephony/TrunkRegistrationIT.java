package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.trunks.TrunkRegistrations;
import com.calldesk.sip.trunks.TrunkState;
import com.calldesk.support.Peers;
import com.calldesk.support.Sessions;

/** CallDesk registering to a carrier (sipp as the carrier's registrar) with the gateway's credentials. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:trunk-reg-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s",
		"calldesk.sip.server.trunk-registration-check=500ms", "calldesk.media.enabled=false" })
@AutoConfigureMockMvc
class TrunkRegistrationIT {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	GatewaysAndDevices gateways;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	TrunkRegistrations registrations;

	@Autowired
	MockMvc mvc;

	@Test
	void calldeskRegistersToACarrierAnsweringItsDigestChallenge() throws Exception {
		int carrierPort = Peers.freePort();
		Process carrier = Peers.sippAsync(SIP_PORT, "carrier-registrar.xml", Map.of(), "-p", Integer.toString(carrierPort));
		long tenantId = tenants.activeByCode("2001000").orElseThrow().tenantId();
		var gateway = gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("运营商注册", "127.0.0.1", carrierPort, "UDP",
				"REGISTER", "trunk-user", "trunk-pass", 30), "test");
		assertThat(Peers.finish(carrier)).as("the carrier accepted our digest").isZero();
		Peers.await(Duration.ofSeconds(10), "the trunk to be registered",
				() -> registrations.state(gateway.getId()).status() == TrunkState.Status.REGISTERED);
		assertThat(registrations.state(gateway.getId()).lastError()).isNull();

		MockHttpSession staff = Sessions.staff(mvc, "staff", "staff123");
		mvc.perform(get("/api/admin/tenants/{id}", tenantId).session(staff))
			.andExpect(jsonPath("$.gatewayLinks['" + gateway.getId() + "'].status").value("REGISTERED"));
		mvc.perform(get("/admin/tenants/{id}", tenantId).session(staff))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"REGISTERED\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("已注册")));
	}

	@Test
	void wrongCredentialsLeaveTheTrunkFailedWithTheReason() throws Exception {
		int carrierPort = Peers.freePort();
		Process carrier = Peers.sippAsync(SIP_PORT, "carrier-registrar.xml", Map.of(), "-p", Integer.toString(carrierPort));
		long tenantId = tenants.activeByCode("2001000").orElseThrow().tenantId();
		var gateway = gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("错误密码", "127.0.0.1", carrierPort, "UDP",
				"REGISTER", "trunk-user", "not-the-password", 30), "test");
		assertThat(Peers.finish(carrier)).as("the carrier refused our digest").isNotZero();
		Peers.await(Duration.ofSeconds(10), "the trunk to be marked failed",
				() -> registrations.state(gateway.getId()).status() == TrunkState.Status.FAILED);
		assertThat(registrations.state(gateway.getId()).lastError()).contains("403");

		MockHttpSession staff = Sessions.staff(mvc, "staff", "staff123");
		mvc.perform(get("/admin/tenants/{id}", tenantId).session(staff))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-status=\"FAILED\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("注册失败")));
	}
}
