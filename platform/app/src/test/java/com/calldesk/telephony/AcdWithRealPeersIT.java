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
import com.calldesk.acd.CallStep;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.CallEvent;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;

/**
 * The ACD with real peers: sipp as the carrier and as the agents' phones, each tenant with its own
 * seats and queue settings. Which seat took which call is read from the call records and the ACD's
 * per-call journal.
 */
@org.springframework.context.annotation.Import({ com.calldesk.support.CtiCapture.class, QueueTenants.class })
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:acd-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.demo.enabled=false",
		"calldesk.media.port-min=36000", "calldesk.media.port-max=36999" })
class AcdWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	com.calldesk.sip.calls.ActiveCalls active;

	@Autowired
	QueueTenants tenants;

	@Autowired
	TenantDirectory directory;

	@Autowired
	CallRecords records;

	@Autowired
	AcdJournal journal;

	@Autowired
	List<CallEvent> cti;

	@Test
	void callsGoToTheSeatIdleLongest() throws Exception {
		Queue queue = tenantWithSeats("最长空闲", "021-55560001", 2, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		Process first = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)));
		Process second = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)));

		assertThat(Peers.sipp(SIP_PORT, "uac", "-s", "02155560001", "-d", "500")).isZero();
		assertThat(seatOfLatestCall(queue)).as("registered first, idle longest").isEqualTo(queue.seats().get(0));
		assertThat(Peers.sipp(SIP_PORT, "uac", "-s", "02155560001", "-d", "500")).isZero();
		assertThat(seatOfLatestCall(queue)).as("the first seat has just finished a call").isEqualTo(queue.seats().get(1));
		assertThat(Peers.finish(first)).isZero();
		assertThat(Peers.finish(second)).isZero();
	}

	@Test
	void aSeatThatDoesNotAnswerWithinTheRingTimeoutPassesTheCallToTheNext() throws Exception {
		Queue queue = tenantWithSeats("振铃超时", "021-55560002", 2, new AcdSettings(Strategy.LONGEST_IDLE, false, 5, 0, 3, 5, 60, 50));
		Process deaf = Peers.sippAsync(SIP_PORT, "uas-ring-forever.xml", Map.of(), "-p", Integer.toString(queue.ports().get(0)));
		Process next = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)));

		assertThat(Peers.sipp(SIP_PORT, "uac", "-s", "02155560002", "-d", "500")).as("the customer got an agent").isZero();
		assertThat(Peers.finish(deaf)).as("the first phone was cancelled").isZero();
		assertThat(Peers.finish(next)).isZero();
		CallRecord record = latestRecord(queue);
		assertThat(record.getSeat()).isEqualTo(queue.seats().get(1));
		assertThat(journal.stepsOf(queue.tenantId(), record.getId())).extracting(s -> s.kind() + ":" + s.seat())
			.containsExactly("OFFERED:" + queue.seats().get(0), "NO_ANSWER:" + queue.seats().get(0), "OFFERED:" + queue.seats().get(1),
					"ANSWERED:" + queue.seats().get(1));
	}

	@Test
	void aCallerWhileEveryoneTalksWaitsWithHoldMusicAndGetsTheFirstAgentToFinish() throws Exception {
		Queue queue = tenantWithSeats("排队等待", "021-55560003", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		Process agent = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "2");
		Process firstCaller = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560003", "-d", "5000");
		Peers.await(Duration.ofSeconds(10), "the first call to be answered",
				() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallAnswered a && a.call().tenantId() == queue.tenantId()));

		Process secondCaller = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560003", "-d", "12000");
		assertThat(Peers.finish(firstCaller)).isZero();
		assertThat(Peers.finish(secondCaller)).as("answered by CallDesk at once, then bridged to the agent").isZero();
		assertThat(Peers.finish(agent)).as("the agent took both calls").isZero();

		CallRecord second = latestRecord(queue);
		assertThat(second.getSeat()).isEqualTo(queue.seats().get(0));
		assertThat(second.getAnsweredAt()).as("an agent answered").isNotNull();
		List<CallStep> steps = journal.stepsOf(queue.tenantId(), second.getId());
		assertThat(steps).extracting(CallStep::kind).containsExactly("QUEUED", "OFFERED", "ANSWERED");
		assertThat(steps.get(0).detail()).as("nobody waited before it").isEqualTo("position 1");
		assertThat(Duration.between(steps.get(0).occurredAt(), steps.get(2).occurredAt())).as("waited for the first call to end")
			.isGreaterThan(Duration.ofSeconds(2));
	}

	@Test
	void aReturningCallerIsOfferedFirstToTheAgentWhoServedThemLast() throws Exception {
		Queue queue = tenantWithSeats("熟客优先", "021-55560004", 2, new AcdSettings(Strategy.LONGEST_IDLE, true, 10, 0, 3, 5, 60, 50));
		Process first = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "2");
		Process second = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)));

		// a real number (sipp's own "sipp" is nobody's), presented the second time in another carrier spelling
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-callback.xml", Map.of("caller", "13900006666"), "-s", "02155560004"))).isZero();
		assertThat(seatOfLatestCall(queue)).isEqualTo(queue.seats().get(0));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-callback.xml", Map.of("caller", "008613900006666"), "-s", "02155560004")))
			.isZero();
		CallRecord again = latestRecord(queue);
		assertThat(again.getSeat()).as("sticky agent beats longest idle").isEqualTo(queue.seats().get(0));
		assertThat(journal.stepsOf(queue.tenantId(), again.getId()).get(0).detail()).isEqualTo("sticky");
		assertThat(Peers.finish(first)).isZero();
		second.destroy();
	}

	@Test
	void ringAllRingsEveryFreePhoneAndTheFirstToAnswerTakesTheCall() throws Exception {
		Queue queue = tenantWithSeats("同振", "021-55560005", 2, new AcdSettings(Strategy.RING_ALL, false, 10, 0, 3, 5, 60, 50));
		Process slow = Peers.sippAsync(SIP_PORT, "uas-ring-until-cancel.xml", Map.of(), "-p", Integer.toString(queue.ports().get(0)));
		Process quick = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)));

		assertThat(Peers.sipp(SIP_PORT, "uac", "-s", "02155560005", "-d", "500")).isZero();
		assertThat(Peers.finish(slow)).as("the phone still ringing was cancelled").isZero();
		assertThat(Peers.finish(quick)).isZero();
		CallRecord record = latestRecord(queue);
		assertThat(record.getSeat()).isEqualTo(queue.seats().get(1));
		assertThat(journal.stepsOf(queue.tenantId(), record.getId())).extracting(s -> s.kind() + ":" + s.seat()).containsExactlyInAnyOrder(
				"OFFERED:" + queue.seats().get(0), "OFFERED:" + queue.seats().get(1), "WITHDRAWN:" + queue.seats().get(0),
				"ANSWERED:" + queue.seats().get(1));
	}

	private Queue tenantWithSeats(String name, String trunkNumber, int count, AcdSettings acd) throws Exception {
		return tenants.open(SIP_PORT, name, trunkNumber, count, acd);
	}

	private String seatOfLatestCall(Queue queue) {
		return latestRecord(queue).getSeat();
	}

	private CallRecord latestRecord(Queue queue) {
		Written.settled(active, writes);
		return TenantContext.call(directory.activeByCode(queue.code()).orElseThrow(), () -> records.latest());
	}

}
