package com.calldesk.telephony;

import com.calldesk.support.Written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.billing.Ledger;
import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.Peers;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;

/**
 * F15 with real peers: a seat (sipp, digest on 407) of a tenant whose balance does not pay a minute is
 * answered by CallDesk itself, hears the no-balance prompt and is hung up on — nothing reaches the
 * gateway — and the record ends with no-balance; a phone that sent no SDP gets 402 with a Warning. A
 * top-up lets the next call out at once, and that call is charged on its record and in the ledger.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:billing-peers-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=35000", "calldesk.media.port-max=35999", "calldesk.demo.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
class BillingWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	static final int GATEWAY_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	com.calldesk.sip.calls.ActiveCalls active;

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatAllocation seats;

	@Autowired
	GatewaysAndDevices gateways;

	@Autowired
	AccountCharges charges;

	@Autowired
	CallRecords records;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Ledger ledger;

	@Autowired
	MockMvc mvc;

	record Dialler(long tenantId, String code, SeatAllocation.IssuedPassword seat, String adminPassword) {
	}

	/** A tenant with a gateway on {@link #GATEWAY_PORT}, one display number and one seat, at 10 fen a minute, balance 0. */
	Dialler tenant(String name, String displayNumber) {
		var opened = opening.approve(opening.apply(new ApplicationForm(name, "测", "13800138000", null, 1, null)).getId(), "test");
		long id = opened.tenant().getId();
		gateways.addGateway(id, new GatewaysAndDevices.GatewayForm("网关", "127.0.0.1", GATEWAY_PORT, "UDP", "IP", null, null, 10), "test");
		numbers.allocateDisplayNumber(id, new NumberAllocation.DisplayNumberForm(displayNumber, null, 3), "test");
		charges.setRates(id, 10, 20, "test");
		return new Dialler(id, opened.tenant().getCode(), seats.allocate(id, 1, "test").get(0), opened.admin().password());
	}

	@Test
	void balanceExhaustedOutboundRefusedWithThePromptThenATopUpLetsTheNextCallOutAndItIsCharged() throws Exception {
		Dialler d = tenant("余额不足", "021-58886601");

		// nothing listens on the gateway's port: a call that went out would never be answered
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-no-balance.xml", Map.of(), "-s", "13910003000", "-key", "seat",
				d.seat().sipUsername(), "-au", d.seat().sipUsername(), "-ap", d.seat().password()))).as("seat answered by CallDesk, then BYE").isZero();
		CallRecord refused = latest(d);
		assertThat(refused.getDirection()).isEqualTo("OUTBOUND");
		assertThat(refused.getEndReason()).isEqualTo("no-balance");
		assertThat(refused.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(refused.getSeat()).isEqualTo(d.seat().sipUsername());
		assertThat(refused.getCustomerNumber()).isEqualTo("+8613910003000");
		assertThat(refused.getDisplayNumber()).as("never went out").isNull();
		assertThat(refused.getAnsweredAt()).isNull();
		assertThat(refused.getCostFen()).isZero();
		assertThat(Duration.between(refused.getOfferedAt(), refused.getEndedAt())).as("the no-balance prompt played out")
			.isGreaterThanOrEqualTo(promptLength("no-balance").minusMillis(200));
		assertThat(ledger.count(d.tenantId())).isZero();

		charges.topUp(d.tenantId(), 15, "test", "test");
		Process gateway = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(GATEWAY_PORT));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", "13910003001", "-key", "seat",
				d.seat().sipUsername(), "-au", d.seat().sipUsername(), "-ap", d.seat().password()))).as("the top-up counts at once").isZero();
		assertThat(Peers.finish(gateway)).isZero();
		CallRecord charged = latest(d);
		assertThat(charged.getAnsweredAt()).isNotNull();
		assertThat(charged.getBilledMinutes()).isEqualTo(1);
		assertThat(charged.getRateFen()).isEqualTo(10);
		assertThat(charged.getCostFen()).isEqualTo(10);
		assertThat(ledger.balanceOf(d.tenantId())).isEqualTo(5);
		var debit = ledger.page(d.tenantId(), 1, 1).get(0);
		assertThat(debit.getKind()).isEqualTo("CALL");
		assertThat(debit.getReference()).isEqualTo(charged.getId());
		assertThat(ledger.check(d.tenantId()).balanced()).isTrue();

		// 5 fen left does not pay a minute at 10
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-no-balance.xml", Map.of(), "-s", "13910003002", "-key", "seat",
				d.seat().sipUsername(), "-au", d.seat().sipUsername(), "-ap", d.seat().password()))).isZero();
		assertThat(latest(d).getEndReason()).isEqualTo("no-balance");

		MockHttpSession admin = Sessions.tenantUser(mvc, d.code(), "admin", d.adminPassword());
		mvc.perform(get("/api/billing/balance").session(admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$.balanceFen").value(5))
			.andExpect(jsonPath("$.outboundRateFen").value(10))
			.andExpect(jsonPath("$.outboundAllowed").value(false));
		mvc.perform(get("/api/billing/ledger").param("size", "1").session(admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("CALL"))
			.andExpect(jsonPath("$.items[0].amountFen").value(-10))
			.andExpect(jsonPath("$.items[0].reference").value(charged.getId()));
		mvc.perform(get("/api/billing/ledger").param("size", "500").session(admin)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageEn").exists());
	}

	@Test
	void aPhoneThatSentNoSdpGets402WithAWarningItCanShow() throws Exception {
		Dialler d = tenant("余额不足晚协商", "021-58886602");
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-late-offer-refused.xml",
				Map.of("expect", "402", "warning", "Balance exhausted"), "-s", "13910003100", "-key", "seat", d.seat().sipUsername(), "-au",
				d.seat().sipUsername(), "-ap", d.seat().password()))).isZero();
		CallRecord refused = latest(d);
		assertThat(refused.getEndReason()).isEqualTo("no-balance");
		assertThat(refused.getSipStatus()).isEqualTo(402);
	}

	private CallRecord latest(Dialler d) {
		Written.settled(active, writes);
		return TenantContext.call(tenants.activeByCode(d.code()).orElseThrow(), () -> records.latest());
	}

	/** How long a shipped prompt plays. */
	private static Duration promptLength(String name) throws Exception {
		try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(
				new java.io.BufferedInputStream(BillingWithRealPeersIT.class.getResourceAsStream("/prompts/zh/" + name + ".wav")))) {
			return Duration.ofMillis((long) (in.getFrameLength() * 1000 / in.getFormat().getFrameRate()));
		}
	}
}
