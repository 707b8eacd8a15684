package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.Peers;
import com.calldesk.support.Written;
import com.calldesk.tenancy.TenantContext;

/**
 * A seat dialling out from its phone (sipp, digest on 407) through its tenant's gateway (sipp UAS):
 * the gateway sees the display number of the callee's region in From and P-Asserted-Identity.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:outbound-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=34000", "calldesk.media.port-max=34999", "calldesk.demo.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundCallWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	static final int GATEWAY_PORT = Peers.freePort();

	static final int CHALLENGING_GATEWAY_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatAllocation seats;

	@Autowired
	GatewaysAndDevices gateways;

	@Autowired
	CallRecords records;

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	com.calldesk.sip.calls.ActiveCalls active;

	@Autowired
	TenantDirectory tenants;

	String tenantCode;

	SeatAllocation.IssuedPassword seat;

	String challengedTenantCode;

	SeatAllocation.IssuedPassword challengedSeat;

	@Autowired
	com.calldesk.state.ChannelCounter channels;

	@BeforeAll
	void tenantWithAGatewayAndTwoDisplayNumbers() {
		var opened = opening.approve(opening.apply(new ApplicationForm("外呼测试", "测", "13800138000", null, 1, null)).getId(), "test");
		long tenantId = opened.tenant().getId();
		tenantCode = opened.tenant().getCode();
		gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("测试网关", "127.0.0.1", GATEWAY_PORT, "UDP", "IP", null, null, 10),
				"test");
		numbers.allocateDisplayNumber(tenantId, new NumberAllocation.DisplayNumberForm("021-58889999", null, 3), "test");
		numbers.allocateDisplayNumber(tenantId, new NumberAllocation.DisplayNumberForm("010-58889999", null, 3), "test");
		seat = seats.allocate(tenantId, 1, "test").get(0);

		var challenged = opening.approve(opening.apply(new ApplicationForm("网关鉴权", "测", "13800138000", null, 1, null)).getId(), "test");
		challengedTenantCode = challenged.tenant().getCode();
		gateways.addGateway(challenged.tenant().getId(), new GatewaysAndDevices.GatewayForm("鉴权网关", "127.0.0.1", CHALLENGING_GATEWAY_PORT,
				"UDP", "IP", "gwuser", "gw-secret", 10), "test");
		numbers.allocateDisplayNumber(challenged.tenant().getId(), new NumberAllocation.DisplayNumberForm("021-58887777", null, 3), "test");
		challengedSeat = seats.allocate(challenged.tenant().getId(), 1, "test").get(0);
	}

	@Test
	void aGatewayRefusingTheDisplayNumberGetsTheCallAgainWithTheNextOne() throws Exception {
		Path trace = Files.createTempFile("gateway", ".msg");
		Process gateway = Peers.sippAsync(SIP_PORT, "gateway-refuses-display-number.xml", Map.of("refused", "01058889999"), "-p",
				Integer.toString(GATEWAY_PORT), "-m", "2", "-trace_msg", "-message_file", trace.toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", "13910001001", "-key", "seat",
				seat.sipUsername(), "-au", seat.sipUsername(), "-ap", seat.password()))).as("seat's phone got the call").isZero();
		assertThat(Peers.finish(gateway)).as("gateway: refused 010, took 021").isZero();

		String invites = Files.readString(trace);
		assertThat(invites.indexOf("From: <sip:01058889999@")).as("the Beijing number first").isNotNegative()
			.isLessThan(invites.indexOf("From: <sip:02158889999@"));
		CallRecord record = latestRecordOf(tenantCode);
		assertThat(record.getCustomerNumber()).isEqualTo("+8613910001001");
		assertThat(record.getDisplayNumber()).isEqualTo("+862158889999");
		assertThat(record.getAnsweredAt()).isNotNull();
		assertThat(channels.inUse("gateway:" + gatewayIdOf(tenantCode))).as("channels back after the call").isZero();
	}

	@Test
	void aGatewayThatChallengesTheInviteGetsTheDigestOfItsOwnAccount() throws Exception {
		Process gateway = Peers.sippAsync(SIP_PORT, "gateway-challenges.xml", Map.of("user", "gwuser", "password", "gw-secret"), "-p",
				Integer.toString(CHALLENGING_GATEWAY_PORT));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", "13910002000", "-key", "seat",
				challengedSeat.sipUsername(), "-au", challengedSeat.sipUsername(), "-ap", challengedSeat.password()))).as("seat").isZero();
		assertThat(Peers.finish(gateway)).as("gateway verified the digest").isZero();
		CallRecord record = latestRecordOf(challengedTenantCode);
		assertThat(record.getAnsweredAt()).isNotNull();
		assertThat(record.getEndReason()).isEqualTo("agent-hangup");
	}

	@Test
	void aGatewayRejectingOurDigestIsA403ToThePhoneNeverAChallenge() throws Exception {
		Process gateway = Peers.sippAsync(SIP_PORT, "gateway-challenges.xml", Map.of("user", "gwuser", "password", "not-what-we-have"),
				"-p", Integer.toString(CHALLENGING_GATEWAY_PORT));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-refused.xml", Map.of("expect", "403"), "-s", "13910002001", "-key",
				"seat", challengedSeat.sipUsername(), "-au", challengedSeat.sipUsername(), "-ap", challengedSeat.password()))).isZero();
		assertThat(Peers.finish(gateway)).isZero();
		CallRecord record = latestRecordOf(challengedTenantCode);
		assertThat(record.getEndReason()).isEqualTo("customer-rejected-403");
	}

	private CallRecord latestRecordOf(String tenantCode) {
		Written.settled(active, writes);
		return TenantContext.call(tenants.activeByCode(tenantCode).orElseThrow(), () -> records.latest());
	}

	private long gatewayIdOf(String code) {
		return gateways.gatewaysOf(tenants.activeByCode(code).orElseThrow().tenantId()).get(0).getId();
	}

	@Test
	void aSeatCallsABeijingMobileShowingTheBeijingDisplayNumber() throws Exception {
		Path trace = Files.createTempFile("gateway", ".msg");
		Process gateway = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(GATEWAY_PORT), "-trace_msg", "-message_file",
				trace.toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", "13910001000", "-key", "seat",
				seat.sipUsername(), "-au", seat.sipUsername(), "-ap", seat.password()))).as("seat's phone").isZero();
		assertThat(Peers.finish(gateway)).as("gateway").isZero();

		String invite = Files.readString(trace);
		assertThat(invite).contains("INVITE sip:13910001000@127.0.0.1:" + GATEWAY_PORT)
			.contains("From: <sip:01058889999@")
			.contains("P-Asserted-Identity: <sip:01058889999@");
		CallRecord record = latestRecordOf(tenantCode);
		assertThat(record.getDirection()).isEqualTo("OUTBOUND");
		assertThat(record.getDisplayNumber()).isEqualTo("+861058889999");
		assertThat(record.getCustomerNumber()).isEqualTo("+8613910001000");
		assertThat(record.getSeat()).isEqualTo(seat.sipUsername());
		assertThat(record.getAnsweredAt()).isNotNull();
		assertThat(record.getEndReason()).isEqualTo("agent-hangup");
	}

	@Test
	void anInternationalNumberIsRefusedAndNeverReachesTheGateway() throws Exception {
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-refused.xml", Map.of("expect", "403"), "-s", "0012125551234", "-key",
				"seat", seat.sipUsername(), "-au", seat.sipUsername(), "-ap", seat.password()))).isZero();
	}

	@Test
	void aWrongPasswordNeverReachesTheGateway() throws Exception {
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-refused.xml", Map.of("expect", "403"), "-s", "13910001000", "-key",
				"seat", seat.sipUsername(), "-au", seat.sipUsername(), "-ap", "wrong-password"))).isZero();
	}
}
