package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
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
import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.BalanceEntry;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;

/**
 * Forward to mobile (F14) with real peers: nobody online, the tenant's plan forwards to a mobile, sipp
 * as the carrier's caller and as the tenant's gateway answering for the mobile; the mobile sees a
 * display number, the record keeps the forwarded leg, and its minutes are billed at the forward rate.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:forward-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38000", "calldesk.media.port-max=38499" })
class ForwardToMobileWithRealPeersIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	NumberAllocation numbers;

	@Autowired
	AccountCharges charges;

	@Test
	void withNobodyOnlineTheCallerIsForwardedToTheMobileAndTheForwardedMinutesAreBilled() throws Exception {
		int gatewayPort = Peers.freePort();
		Queue queue = tenants.open(SIP_PORT, "转手机", "021-55560301", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50),
				gatewayPort);
		numbers.allocateDisplayNumber(queue.tenantId(), new NumberAllocation.DisplayNumberForm("021-58885555", null, 3), "test");
		charges.setRates(queue.tenantId(), 10, 20, "test");
		charges.topUp(queue.tenantId(), 1000, "test", "test");
		MockHttpSession admin = adminOf(queue);
		mvc.perform(put("/api/acd/overflow").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"rules\":{\"NO_AGENT\":{\"action\":\"FORWARD\",\"forwardTo\":\"12345\"}},\"voicemailMaxSeconds\":60}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("只能转接到有效的中国手机或固定电话号码，12345 不是。"));
		mvc.perform(put("/api/acd/overflow").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"rules\":{\"NO_AGENT\":{\"action\":\"FORWARD\",\"forwardTo\":\"+86 138 0013 8000\"}},\"voicemailMaxSeconds\":60}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.rules.NO_AGENT.forwardTo").value("13800138000"));

		Path trace = Files.createTempFile("mobile", ".msg");
		Process mobile = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(gatewayPort), "-m", "1", "-trace_msg",
				"-message_file", trace.toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560301", "-d", "3000", "-m", "1", "-mp",
				Integer.toString(Peers.freePort())))).as("the caller talked to the mobile").isZero();
		assertThat(Peers.finish(mobile)).isZero();

		String sent = Files.readString(trace);
		assertThat(sent).contains("INVITE sip:13800138000@").contains("From: <sip:02158885555@");
		var scope = directory.activeByCode(queue.code()).orElseThrow();
		CallRecord record = latest(queue);
		assertThat(record.getForwardedTo()).isEqualTo("+8613800138000");
		assertThat(record.getAnsweredAt()).isNotNull();
		assertThat(record.getBilledMinutes()).isEqualTo(1);
		assertThat(record.getCostFen()).as("one started minute at the forward rate").isEqualTo(20L);
		List<CallLeg> legs = TenantContext.call(scope, () -> records.legsOf(record.getId()));
		assertThat(legs).extracting(CallLeg::getKind).containsExactly("CUSTOMER", "FORWARD");
		List<BalanceEntry> ledger = charges.ledgerOf(queue.tenantId());
		assertThat(ledger).filteredOn(e -> record.getId().equals(e.getReference())).singleElement()
			.satisfies(e -> assertThat(e.getAmountFen()).isEqualTo(-20L));
	}
}
