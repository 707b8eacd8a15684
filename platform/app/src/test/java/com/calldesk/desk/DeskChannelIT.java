package com.calldesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.AgentDesk;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.CallCommands;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.support.DeskSockets;
import com.calldesk.support.DeskSockets.Desk;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.Role;
import com.calldesk.users.UserAccounts;

/**
 * The desktop's live channel against the running application, with sipp as carrier and phones: the
 * snapshot on subscribing, a call's events with its screen pop reaching the seat's socket (and no
 * other tenant's), a forged subscription refused and logged, the monitor wall's live feed (its own
 * tenant's agents only, supervisors only), and a call that rang while the socket
 * was down shown by the snapshot after reconnecting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:desk-channel-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38000", "calldesk.media.port-max=38199" })
@Import(QueueTenants.class)
@ExtendWith(OutputCaptureExtension.class)
class DeskChannelIT {

	static final int SIP_PORT = Peers.freePort();

	static final Duration SOON = Duration.ofSeconds(10);

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	QueueTenants tenants;

	@Autowired
	TenantDirectory directory;

	@Autowired
	SeatSettings seats;

	@Autowired
	UserAccounts users;

	@Autowired
	CallCommands commands;

	@Autowired
	AgentDesk desk;

	@Test
	void aCallsEventsAndItsPopReachTheSeatsSocketAndNoOtherTenants() throws Exception {
		Queue a = tenants.open(SIP_PORT, "弹屏甲", "021-55560701", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		Queue b = tenants.open(SIP_PORT, "弹屏乙", "021-55560702", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		try (Desk deskA = DeskSockets.connect(port, agentOf(a), "/user/queue/desk");
				Desk deskB = DeskSockets.connect(port, agentOf(b), "/user/queue/desk")) {
			JsonNode snapshot = deskA.await(SOON, "A's snapshot", m -> m.path("type").asString().equals("Snapshot"));
			assertThat(snapshot.path("agent").path("seat").asString()).isEqualTo(a.seats().get(0));
			assertThat(snapshot.path("agent").path("status").asString()).isEqualTo("IDLE");
			assertThat(snapshot.path("agent").path("phoneRegistered").asBoolean()).isTrue();
			assertThat(snapshot.path("calls")).isEmpty();
			deskB.await(SOON, "B's snapshot", m -> m.path("type").asString().equals("Snapshot"));

			Process phone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(a.ports().get(0)), "-m", "1");
			Process customer = Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155560701", "-mp",
					Integer.toString(Peers.freePort()));
			JsonNode ringing = deskA.await(SOON, "the call to ring A's seat", m -> m.path("type").asString().equals("CallRinging"));
			String callId = ringing.path("call").path("callId").asString();
			assertThat(ringing.path("call").path("seat").asString()).isEqualTo(a.seats().get(0));
			assertThat(ringing.path("call").path("customer").path("e164").asString()).isEqualTo("+8613900003333");
			assertThat(ringing.path("pop").path("callerNumber").asString()).isEqualTo("13900003333");
			assertThat(ringing.path("pop").path("caller").path("regionZh").asString()).as("the caller's region").isNotBlank();
			JsonNode answered = deskA.await(SOON, "the call to be answered", DeskSockets.call("CallAnswered", callId));
			assertThat(answered.path("seq").asLong()).isGreaterThan(ringing.path("seq").asLong());
			assertThat(answered.path("pop").path("callId").asString()).isEqualTo(callId);

			commands.hangUp(a.tenantId(), callId);
			assertThat(deskA.await(SOON, "the end", DeskSockets.call("CallEnded", callId)).path("call").path("endedBy").asString())
				.isEqualTo("SYSTEM");
			deskA.await(SOON, "wrap-up", m -> m.path("type").asString().equals("AgentStateChanged")
					&& m.path("agent").path("state").asString().equals("WRAP_UP"));
			assertThat(Peers.finish(customer)).isZero();
			assertThat(Peers.finish(phone)).isZero();

			// B's own change, heard after A's call ended: nothing of A's call reached B before it, nor after
			desk.choose(b.tenantId(), b.seats().get(0), AgentStatus.BUSY);
			deskB.await(SOON, "B's own change", m -> m.path("type").asString().equals("AgentStateChanged"));
			assertThat(deskB.messages).noneMatch(m -> m.toString().contains(callId));
			assertThat(deskB.messages).allMatch(m -> m.path("agent").isMissingNode() || m.path("agent").path("seat").asString().equals(b.seats().get(0)));
		}
	}

	@Test
	void aForgedSubscriptionIsRefusedAndLogged(CapturedOutput output) throws Exception {
		Queue a = tenants.open(SIP_PORT, "伪造订阅", "021-55560703", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		String cookie = agentOf(a);
		try (Desk forged = DeskSockets.connect(port, cookie, "/queue/desk-user" + "someone-elses-session")) {
			Peers.await(SOON, "the socket to be refused", () -> !forged.isConnected() || !forged.errors.isEmpty());
			assertThat(forged.messages).as("no snapshot, no event").isEmpty();
		}
		Peers.await(SOON, "the refusal to be logged", () -> output.getOut().contains("refused: SUBSCRIBE /queue/desk-usersomeone-elses-session"));
	}

	@Test
	void aCallThatRangWhileTheSocketWasDownIsInTheSnapshotAfterReconnecting() throws Exception {
		Queue a = tenants.open(SIP_PORT, "重连", "021-55560704", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		String cookie = agentOf(a);
		try (Desk before = DeskSockets.connect(port, cookie, "/user/queue/desk")) {
			before.await(SOON, "the first snapshot", m -> m.path("type").asString().equals("Snapshot"));
		}
		Process phone = Peers.sippAsync(SIP_PORT, "uas-ring-until-cancel.xml", Map.of(), "-p", Integer.toString(a.ports().get(0)));
		Process customer = Peers.sippAsync(SIP_PORT, "uac-waits-until-refused.xml", Map.of("caller", "13900004444"), "-s", "02155560704",
				"-mp", Integer.toString(Peers.freePort()));
		Peers.await(SOON, "the seat to ring", () -> desk.agent(a.tenantId(), a.seats().get(0)).map(x -> x.callId() != null).orElse(false));
		String callId = desk.agent(a.tenantId(), a.seats().get(0)).orElseThrow().callId();
		try (Desk after = DeskSockets.connect(port, cookie, "/user/queue/desk")) {
			JsonNode snapshot = after.await(SOON, "the snapshot after reconnecting", m -> m.path("type").asString().equals("Snapshot"));
			assertThat(snapshot.path("agent").path("state").asString()).isEqualTo("RINGING");
			JsonNode call = snapshot.path("calls").path(0);
			assertThat(call.path("call").path("callId").asString()).isEqualTo(callId);
			assertThat(call.path("call").path("phase").asString()).isEqualTo("RINGING");
			assertThat(call.path("seq").asLong()).isPositive();
			assertThat(call.path("pop").path("callerNumber").asString()).isEqualTo("13900004444");
			commands.hangUp(a.tenantId(), callId);
			after.await(SOON, "the end", DeskSockets.call("CallEnded", callId));
		}
		assertThat(Peers.finish(customer)).isZero();
		assertThat(Peers.finish(phone)).isZero();
	}

	@Test
	void aMonitorWallHearsEveryAgentOfItsTenantLiveAndNoOtherTenantsAndNoAgentMayWatch(CapturedOutput output) throws Exception {
		Queue a = tenants.open(SIP_PORT, "监控墙甲", "021-55560705", 2, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		Queue b = tenants.open(SIP_PORT, "监控墙乙", "021-55560706", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 30, 3, 0, 60, 50));
		TenantContext.run(directory.activeByCode(a.code()).orElseThrow(),
				() -> users.create(new UserAccounts.NewUser("wall.agent", "坐席甲", Role.AGENT, "agent-pass-1", null)));
		String agentCookie = DeskSockets.signIn(port, a.code(), "wall.agent", "agent-pass-1");
		try (Desk wallA = DeskSockets.connect(port, DeskSockets.signIn(port, a.code(), a.adminUsername(), a.adminPassword()), "/user/queue/wall");
				Desk wallB = DeskSockets.connect(port, DeskSockets.signIn(port, b.code(), b.adminUsername(), b.adminPassword()), "/user/queue/wall");
				Desk peeking = DeskSockets.connect(port, agentCookie, "/user/queue/wall")) {
			Peers.await(SOON, "the agent's wall socket to be refused", () -> !peeking.isConnected() || !peeking.errors.isEmpty());
			wallA.await(SOON, "A's wall watching", m -> m.path("type").asString().equals("WallWatching"));
			wallB.await(SOON, "B's wall watching", m -> m.path("type").asString().equals("WallWatching"));
			desk.choose(a.tenantId(), a.seats().get(0), AgentStatus.BUSY);
			desk.choose(b.tenantId(), b.seats().get(0), AgentStatus.BUSY);
			JsonNode busy = wallA.await(SOON, "A's first seat busy on A's wall",
					m -> m.path("agent").path("seat").asString().equals(a.seats().get(0)) && m.path("agent").path("status").asString().equals("BUSY"));
			assertThat(busy.path("type").asString()).isEqualTo("WallSeatChanged");
			assertThat(busy.path("seq").asLong()).isPositive();
			assertThat(busy.path("agent").path("phoneRegistered").asBoolean()).isTrue();
			wallB.await(SOON, "B's seat busy on B's wall", m -> m.path("agent").path("seat").asString().equals(b.seats().get(0)));

			desk.choose(a.tenantId(), a.seats().get(1), AgentStatus.REST, "lunch");
			JsonNode resting = wallA.await(SOON, "A's second seat resting", m -> m.path("agent").path("seat").asString().equals(a.seats().get(1))
					&& m.path("agent").path("status").asString().equals("REST"));
			assertThat(resting.path("agent").path("reason").asString()).isEqualTo("lunch");
			assertThat(resting.path("seq").asLong()).isGreaterThan(busy.path("seq").asLong());
			desk.choose(b.tenantId(), b.seats().get(0), AgentStatus.IDLE);
			wallB.await(SOON, "B's seat free again", m -> m.path("agent").path("status").asString().equals("IDLE"));
			assertThat(wallB.messages).as("nothing of tenant A on B's wall").allMatch(
					m -> m.path("type").asString().equals("WallWatching") || m.path("agent").path("seat").asString().equals(b.seats().get(0)));
			assertThat(wallA.messages).noneMatch(m -> m.path("agent").path("seat").asString().equals(b.seats().get(0)));
			assertThat(peeking.messages).isEmpty();
		}
		Peers.await(SOON, "the agent's attempt to be logged", () -> output.getOut().contains("refused: SUBSCRIBE /user/queue/wall"));
	}

	/** The tenant's administrator, bound to its first seat, signed in over HTTP: the session cookie. */
	private String agentOf(Queue queue) throws Exception {
		TenantContext.run(directory.activeByCode(queue.code()).orElseThrow(), () -> {
			long adminId = users.byUsername(queue.adminUsername()).orElseThrow().getId();
			List<SeatSettings.SeatRow> rows = seats.list();
			seats.bind(rows.get(0).seatId(), adminId, "test");
		});
		return DeskSockets.signIn(port, queue.code(), queue.adminUsername(), queue.adminPassword());
	}
}
