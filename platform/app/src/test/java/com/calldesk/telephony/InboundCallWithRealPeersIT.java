package com.calldesk.telephony;

import com.calldesk.support.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdJournal;
import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.AcdSettingsService;
import com.calldesk.acd.AgentDesk;
import com.calldesk.acd.SeatAgent;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.CallEvent;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.ActiveCalls;
import com.calldesk.support.Peers;
import com.calldesk.tenancy.TenantContext;

/**
 * Inbound calls end to end with real peers: sipp plays the carrier (from the demo's trusted gateway
 * 127.0.0.1) and, registered with digest, the seat's phone answering as UAS.
 */
@org.springframework.context.annotation.Import(com.calldesk.support.CtiCapture.class)
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:inbound-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.sip.server.ring-timeout=3s",
		"calldesk.sip.server.min-se=5s" })
class InboundCallWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	CallRecords records;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatAllocation seats;

	@Autowired
	ActiveCalls active;

	@Autowired
	List<CallEvent> cti;

	@Autowired
	com.calldesk.state.ChannelCounter channels;

	@Autowired
	SipNode node;

	@Autowired
	OpenCallsAtStart restart;

	@Autowired
	CallRecordMapper recordRows;

	@Autowired
	AcdSettingsService acdSettings;

	@Autowired
	AgentDesk desk;

	@Autowired
	AcdJournal journal;

	@Test
	void aCarrierCallRingsTheRegisteredSeatIsAnsweredAndLeavesACompleteRecord() throws Exception {
		int phone = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(phone), "-s", "ss2001000ss0001", "-au",
				"ss2001000ss0001", "-ap", "Seat0001Demo")).isZero();
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(phone));
		assertThat(Peers.sipp(SIP_PORT, "uac", "-s", "01062345678", "-d", "1000")).as("carrier call").isZero();
		assertThat(Peers.finish(agent)).as("agent phone").isZero();

		CallRecord record = latestRecordOf("2001000");
		assertThat(record.getState()).isEqualTo("ENDED");
		assertThat(record.getSeat()).isEqualTo("ss2001000ss0001");
		assertThat(record.getTrunkNumber()).isEqualTo("+861062345678");
		assertThat(record.getAnsweredAt()).isNotNull().isAfterOrEqualTo(record.getOfferedAt());
		assertThat(record.getEndedAt()).isAfterOrEqualTo(record.getAnsweredAt());
		assertThat(record.getEndedBy()).isEqualTo("CUSTOMER");
		assertThat(record.getEndReason()).isEqualTo("customer-hangup");
		assertThat(TenantContext.call(tenants.activeByCode("2001000").orElseThrow(), () -> records.legsOf(record.getId())))
			.extracting(CallLeg::getKind).containsExactly("CUSTOMER", "AGENT");
		assertThat(cti.stream().filter(e -> e.call().callId().equals(record.getId())).map(e -> e.getClass().getSimpleName()))
			.containsExactly("CallOffered", "CallRinging", "CallAnswered", "CallEnded");
		assertThat(active.size()).isZero();
	}

	@Test
	void theCustomerHangingUpWhileThePhoneRingsCancelsTheAgentLeg() throws Exception {
		Registered phone = registerNewSeat("取消测试", "021-55550003");
		Process agent = Peers.sippAsync(SIP_PORT, "uas-ring-until-cancel.xml", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-cancel.xml", Map.of(), "-s", "02155550003"))).as("customer").isZero();
		assertThat(Peers.finish(agent)).as("agent phone saw the CANCEL").isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getEndReason()).isEqualTo("customer-cancelled");
		assertThat(record.getEndedBy()).isEqualTo("CUSTOMER");
		assertThat(record.getRingingAt()).isNotNull();
		assertThat(record.getAnsweredAt()).isNull();
	}

	@Test
	void theAgentHangingUpFirstHangsUpTheCustomer() throws Exception {
		Registered phone = registerNewSeat("坐席挂断", "021-55550004");
		Process agent = Peers.sippAsync(SIP_PORT, "uas-answer-then-hang-up.xml", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155550004"))).as("customer").isZero();
		assertThat(Peers.finish(agent)).as("agent phone").isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getEndedBy()).isEqualTo("AGENT");
		assertThat(record.getEndReason()).isEqualTo("agent-hangup");
		assertThat(record.getAnsweredAt()).isNotNull();
	}

	@Test
	void holdAndUnholdReInvitesReachTheOtherSideAndBack() throws Exception {
		Registered phone = registerNewSeat("保持测试", "021-55550005");
		Process agent = Peers.sippAsync(SIP_PORT, "uas-hold.xml", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hold.xml", Map.of(), "-s", "02155550005")))
			.as("customer got an answer to each re-INVITE").isZero();
		assertThat(Peers.finish(agent)).as("agent phone saw sendonly then sendrecv").isZero();
		assertThat(latestRecordOf(phone.code()).getEndReason()).isEqualTo("customer-hangup");
	}

	@Test
	void aCarrierThatStopsRefreshingItsSessionTimerIsHungUpOnBothLegs() throws Exception {
		Registered phone = registerNewSeat("会话定时器", "021-55550008");
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-session-timer.xml", Map.of(), "-s", "02155550008")))
			.as("carrier: Session-Expires in both 200s, then CallDesk's BYE").isZero();
		assertThat(Peers.finish(agent)).as("agent phone got CallDesk's BYE").isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getEndReason()).isEqualTo("session-expired");
		assertThat(record.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(Duration.between(record.getAnsweredAt(), record.getEndedAt())).as("refreshed at 2 s, expired 4 s later")
			.isBetween(Duration.ofSeconds(5), Duration.ofSeconds(8));
	}

	@Test
	void aLateOfferInviteIsAnsweredWithTheRelaysOfferAndTheAckCarriesTheAnswer() throws Exception {
		Registered phone = registerNewSeat("延迟协商", "021-55550009");
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-late-offer.xml", Map.of(), "-s", "02155550009")))
			.as("carrier: an offer in the 200").isZero();
		assertThat(Peers.finish(agent)).as("agent phone answered the relay's offer").isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getAnsweredAt()).isNotNull();
		assertThat(record.getEndReason()).isEqualTo("customer-hangup");
	}

	@Test
	void anOfferWithoutPcmuOrPcmaIsRefusedWith488AndRecorded() throws Exception {
		Registered phone = registerNewSeat("编码测试", "021-55550006");
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-g729-only.xml", Map.of("expect", "488"), "-s", "02155550006"))).isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getEndReason()).isEqualTo("no-codec");
		assertThat(record.getSipStatus()).isEqualTo(488);
	}

	@Test
	void aNodeThatStoppedMidCallClosesItsOpenRecordsAtStart() {
		var demo = tenants.activeByCode("2001000").orElseThrow();
		CallRecord open = new CallRecord();
		open.setId("orphan-" + System.nanoTime());
		open.setDirection("INBOUND");
		open.setState("ANSWERED");
		open.setOfferedAt(java.time.Instant.now().minusSeconds(60));
		open.setAnsweredAt(java.time.Instant.now().minusSeconds(50));
		open.setNode(node.id());
		CallRecord elsewhere = new CallRecord();
		elsewhere.setId("other-node-" + System.nanoTime());
		elsewhere.setDirection("INBOUND");
		elsewhere.setState("ANSWERED");
		elsewhere.setOfferedAt(java.time.Instant.now().minusSeconds(60));
		elsewhere.setNode("another-node");
		TenantContext.run(demo, () -> {
			recordRows.insert(open);
			recordRows.insert(elsewhere);
		});

		restart.afterSingletonsInstantiated();

		CallRecord closed = TenantContext.call(demo, () -> records.find(open.getId()));
		assertThat(closed.getEndedAt()).isNotNull();
		assertThat(closed.getEndReason()).isEqualTo("node-restart");
		assertThat(closed.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(TenantContext.call(demo, () -> records.find(elsewhere.getId())).getEndedAt()).as("another node's call").isNull();
	}

	@Test
	void aPhoneRingingPastTheRingTimeoutIsCancelledAndItsAgentSetBusyAfterTheNoAnswerLimit() throws Exception {
		Registered phone = registerNewSeat("无人接听", "021-55550007");
		long tenantId = tenants.activeByCode(phone.code()).orElseThrow().tenantId();
		acdSettings.save(tenantId, new AcdSettings(Strategy.LONGEST_IDLE, true, 5, 0, 1, 5, 60, 50), "test");
		Process agent = Peers.sippAsync(SIP_PORT, "uas-ring-forever.xml", Map.of(), "-p", Integer.toString(phone.port()));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155550007")))
			.as("the customer hears the all-busy prompt, then CallDesk hangs up").isZero();
		assertThat(Peers.finish(agent)).as("the phone got CallDesk's CANCEL").isZero();
		CallRecord record = latestRecordOf(phone.code());
		assertThat(record.getEndReason()).isEqualTo("all-busy");
		assertThat(record.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(Duration.between(record.getRingingAt(), record.getEndedAt())).as("5 s of ringing, then the prompt")
			.isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
		SeatAgent after = desk.agents(tenantId).get(0);
		assertThat(after.status()).isEqualTo(AgentStatus.BUSY);
		assertThat(after.reason()).isEqualTo("no-answer");
		assertThat(journal.stepsOf(tenantId, record.getId())).extracting(s -> s.kind() + ":" + s.detail())
			.containsExactly("OFFERED:null", "NO_ANSWER:no-answer", "OVERFLOWED:all-busy → hangup");
	}

	@Test
	void aNumberNobodyOwnsIsRefusedWith404() throws Exception {
		assertThat(Peers.sippAsync(SIP_PORT, "uac-refused.xml", Map.of("expect", "404"), "-s", "01099998888").waitFor()).isZero();
	}

	@Test
	void anInviteFromAnAddressThatIsNoTrunkMustAuthenticateAsASeatAndGetsNowhereWithout() throws Exception {
		int before = cti.size();
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-refused.xml", Map.of("expect", "407"), "-i", "127.0.0.2", "-s",
				"01062345678"))).isZero();
		assertThat(cti).hasSize(before);
	}

	@Test
	void anInviteScanFromAGatewayAddressCannotTellSeatsThatExistFromSeatsThatDoNot() throws Exception {
		Opened tenant = openTenant("扫描测试", "021-55550011", 5);
		var seat = seats.allocate(tenant.id(), 1, "test").get(0);
		int before = cti.size();
		// from 127.0.0.1, a gateway's address: a real seat, a missing seat of the tenant, a seat of no tenant
		for (String user : List.of(seat.sipUsername(), "ss" + tenant.code() + "ss9999", "ss0000000ss0001")) {
			assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-refused.xml", Map.of("expect", "403"), "-s", "02155550011", "-key",
					"seat", user, "-au", user, "-ap", "a-guess"))).as("challenged, then refused: " + user).isZero();
		}
		assertThat(cti).as("none of them became a call").hasSize(before);
	}

	@Test
	void aCallWithNoAgentOnlineHearsTheNoAgentPromptAndIsHungUp() throws Exception {
		Opened tenant = openTenant("无人值守", "021-55550001", 5);
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155550001"))).isZero();
		CallRecord record = latestRecordOf(tenant.code());
		assertThat(record.getEndReason()).isEqualTo("no-agent");
		assertThat(record.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(record.getAnsweredAt()).as("no agent answered").isNull();
		assertThat(Duration.between(record.getOfferedAt(), record.getEndedAt())).as("the prompt played whole (5.3 s)")
			.isGreaterThan(Duration.ofSeconds(5));
	}

	@Test
	void aCallOverTheTrunkNumbersChannelLimitGets486AndTheChannelComesBack() throws Exception {
		Opened tenant = openTenant("单线路", "021-55550002", 1);
		var seat = seats.allocate(tenant.id(), 1, "test").get(0);
		int phone = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(phone), "-s", seat.sipUsername(), "-au",
				seat.sipUsername(), "-ap", seat.password())).isZero();
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(phone));
		Process first = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155550002", "-d", "3000");
		Peers.await(Duration.ofSeconds(10), "the first call to be answered",
				() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallAnswered a && a.call().tenantCode().equals(tenant.code())));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-refused.xml", Map.of("expect", "486"), "-s", "02155550002")))
			.as("second call while the only channel is in use").isZero();
		assertThat(channels.inUse("trunk:" + tenant.trunkNumberId())).isEqualTo(1);
		assertThat(Peers.finish(first)).isZero();
		assertThat(Peers.finish(agent)).isZero();
		assertThat(channels.inUse("trunk:" + tenant.trunkNumberId())).as("released when the call ended").isZero();
	}

	@Test
	void theSixthConcurrentCallOnAFiveChannelTrunkNumberIsRefusedWhileFiveTalkOrWait() throws Exception {
		Opened tenant = openTenant("五线路", "021-55550013", 5);
		var seat = seats.allocate(tenant.id(), 1, "test").get(0);
		int phone = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(phone), "-s", seat.sipUsername(), "-au",
				seat.sipUsername(), "-ap", seat.password())).isZero();
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(phone));
		// five callers at once, each hanging up 8 s after its 200: one talks to the agent, four wait with hold music
		Process five = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155550013", "-d", "8000", "-m", "5", "-l", "5", "-r", "5",
				"-mp", Integer.toString(Peers.freePort()));
		Peers.await(Duration.ofSeconds(15), "one call answered and four queued", () -> {
			long answered = cti.stream().filter(e -> e instanceof CallEvent.CallAnswered a && a.call().tenantCode().equals(tenant.code())).count();
			long queued = cti.stream().filter(e -> e instanceof CallEvent.CallQueued q && q.call().tenantCode().equals(tenant.code())).count();
			return answered == 1 && queued == 4;
		});
		assertThat(channels.inUse("trunk:" + tenant.trunkNumberId())).isEqualTo(5);
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-refused.xml", Map.of("expect", "486"), "-s", "02155550013")))
			.as("the sixth caller is refused busy").isZero();
		assertThat(Peers.finish(five)).isZero();
		agent.destroy();
		Peers.await(Duration.ofSeconds(10), "every channel back", () -> channels.inUse("trunk:" + tenant.trunkNumberId()) == 0);
	}

	/** A new tenant with a trunk number and one seat registered by sipp; the phone's port is free for a UAS. */
	private Registered registerNewSeat(String name, String trunkNumber) throws Exception {
		Opened tenant = openTenant(name, trunkNumber, 5);
		var seat = seats.allocate(tenant.id(), 1, "test").get(0);
		int port = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(port), "-s", seat.sipUsername(), "-au",
				seat.sipUsername(), "-ap", seat.password())).isZero();
		return new Registered(tenant.code(), port);
	}

	record Registered(String code, int port) {
	}

	private CallRecord latestRecordOf(String tenantCode) {
		Written.settled(active, writes);
		return TenantContext.call(tenants.activeByCode(tenantCode).orElseThrow(), () -> records.latest());
	}

	private Opened openTenant(String name, String trunkNumber, int channels) {
		var application = opening.apply(new ApplicationForm(name, "测试", "13800138000", null, 1, null));
		var opened = opening.approve(application.getId(), "test");
		var trunk = numbers.allocateTrunkNumber(opened.tenant().getId(), new NumberAllocation.TrunkNumberForm(trunkNumber, null, channels),
				"test");
		return new Opened(opened.tenant().getId(), opened.tenant().getCode(), trunk.getId());
	}

	record Opened(long id, String code, long trunkNumberId) {
	}
}
