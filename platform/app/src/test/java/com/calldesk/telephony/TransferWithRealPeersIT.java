package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.CallEvent;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Tones;
import com.calldesk.tenancy.TenantContext;

/**
 * Blind transfer (F10) with real peers: by the REST command between two sipp phones (a busy target
 * refused with the customer still connected, then an idle one), and by REFER from baresip's transfer
 * command. The call record keeps every agent leg.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:transfer-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38500", "calldesk.media.port-max=38999" })
class TransferWithRealPeersIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	Locations locations;

	@Test
	void theCommandTransfersToAnIdleAgentAndRefusesABusyOneWithTheCustomerStillConnected() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "转接测试", "021-55560401", 2, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		Process first = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "1");
		Process second = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)), "-m", "1");
		Process customer = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560401", "-d", "8000", "-m", "1", "-mp",
				Integer.toString(Peers.freePort()));
		String callId = awaitAnswered(queue);
		desk.choose(queue.tenantId(), queue.seats().get(1), AgentStatus.REST);
		MockHttpSession admin = adminOf(queue);

		mvc.perform(post("/api/calls/" + callId + "/transfer").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seat\":\"" + queue.seats().get(1) + "\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value("该坐席忙碌、小休或正在通话，客户仍与你通话。"));
		mvc.perform(post("/api/calls/" + callId + "/transfer").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seat\":\"x\",\"number\":\"13800138000\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/calls/" + callId + "/transfer").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seat\":\"ss2001000ss0002\"}")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.messageEn").value("No seat ss2001000ss0002 in your call center."));
		assertThat(record(queue, callId).getSeat()).as("still with the first agent").isEqualTo(queue.seats().get(0));

		desk.choose(queue.tenantId(), queue.seats().get(1), AgentStatus.IDLE);
		mvc.perform(post("/api/calls/" + callId + "/transfer").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seat\":\"" + queue.seats().get(1) + "\"}")).andExpect(status().isOk());
		Peers.await(Duration.ofSeconds(10), "the second agent to take the call",
				() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallTransferred t && t.call().callId().equals(callId)));
		assertThat(Peers.finish(first)).as("the first agent was let go").isZero();
		assertThat(Peers.finish(customer)).as("the customer stayed on and hung up at the end").isZero();
		assertThat(Peers.finish(second)).as("the second agent got the customer's BYE").isZero();

		CallRecord record = record(queue, callId);
		assertThat(record.getSeat()).isEqualTo(queue.seats().get(1));
		assertThat(legs(queue, callId)).extracting(l -> l.getKind() + ":" + l.getParty())
			.containsExactly("CUSTOMER:" + record.getCustomerNumber(), "AGENT:" + queue.seats().get(0), "AGENT:" + queue.seats().get(1));
		assertThat(journal.stepsOf(queue.tenantId(), callId)).extracting(s -> s.kind() + ":" + s.seat()).contains(
				"TRANSFERRED:" + queue.seats().get(0), "ANSWERED:" + queue.seats().get(1));
	}

	@Test
	void baresipsTransferKeySendsReferAndTheCustomerGoesToTheOtherSeat() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "话机转接", "021-55560402", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		var issued = tenants.seatsWithPasswords(queue.tenantId(), 2);
		int console = Peers.freePort();
		Process agent = Peers.baresipWithConsole("<sip:" + issued.get(0).sipUsername() + "@127.0.0.1:" + SIP_PORT + ">;auth_pass="
				+ issued.get(0).password() + ";answermode=auto;audio_codecs=PCMU;regint=300", Tones.sine(1000, 30), console);
		try {
			Peers.await(Duration.ofSeconds(15), "baresip to register", () -> !locations.of(issued.get(0).sipUsername()).isEmpty());
			int port = Peers.freePort();
			assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(port), "-s", issued.get(1).sipUsername(), "-au",
					issued.get(1).sipUsername(), "-ap", issued.get(1).password())).isZero();
			Process other = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(port), "-m", "1");
			Process customer = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560402", "-d", "8000", "-m", "1", "-mp",
					Integer.toString(Peers.freePort()));
			String callId = awaitAnswered(queue);
			assertThat(record(queue, callId).getSeat()).isEqualTo(issued.get(0).sipUsername());

			Peers.console(console, "/transfer sip:" + issued.get(1).sipUsername() + "@127.0.0.1:" + SIP_PORT);
			Peers.await(Duration.ofSeconds(10), "the other seat to take the call",
					() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallTransferred t && t.call().callId().equals(callId)));
			assertThat(Peers.finish(customer)).isZero();
			assertThat(Peers.finish(other)).isZero();
			assertThat(legs(queue, callId)).extracting(CallLeg::getParty)
				.containsExactly(record(queue, callId).getCustomerNumber(), issued.get(0).sipUsername(), issued.get(1).sipUsername());
		}
		finally {
			agent.destroy();
			agent.waitFor();
		}
	}

	@Test
	void anAgentConsultsAnotherOnBaresipThenHandsTheCustomerOver() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "咨询转接", "021-55560403", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		var issued = tenants.seatsWithPasswords(queue.tenantId(), 2);
		Process first = Peers.baresip(softphone(issued.get(0)), Tones.sine(1000, 30));
		Process second = null;
		try {
			Peers.await(Duration.ofSeconds(15), "the first baresip to register", () -> !locations.of(issued.get(0).sipUsername()).isEmpty());
			second = Peers.baresip(softphone(issued.get(1)), Tones.sine(2000, 30));
			Peers.await(Duration.ofSeconds(15), "the second baresip to register", () -> !locations.of(issued.get(1).sipUsername()).isEmpty());
			Process customer = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560403", "-d", "12000", "-m", "1", "-mp",
					Integer.toString(Peers.freePort()));
			String callId = awaitAnswered(queue);
			assertThat(record(queue, callId).getSeat()).isEqualTo(issued.get(0).sipUsername());
			MockHttpSession admin = adminOf(queue);

			mvc.perform(post("/api/calls/" + callId + "/consult/complete").session(admin).with(csrf())).andExpect(status().isConflict())
				.andExpect(jsonPath("$.messageEn").value("There is no consultation of this call to complete or end yet."));
			mvc.perform(post("/api/calls/" + callId + "/consult").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"seat\":\"" + issued.get(1).sipUsername() + "\"}")).andExpect(status().isOk());
			Peers.await(Duration.ofSeconds(10), "the two agents to talk",
					() -> cti.stream().anyMatch(e -> e instanceof CallEvent.ConsultAnswered c && c.call().callId().equals(callId)));
			mvc.perform(post("/api/calls/" + callId + "/consult/complete").session(admin).with(csrf())).andExpect(status().isOk());
			Peers.await(Duration.ofSeconds(10), "the consulted agent to take the customer",
					() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallTransferred t && t.call().callId().equals(callId)));

			assertThat(Peers.finish(customer)).as("the customer stayed on to the end").isZero();
			Peers.await(Duration.ofSeconds(10), "the record to close", () -> record(queue, callId).getEndedAt() != null);
			assertThat(record(queue, callId).getSeat()).isEqualTo(issued.get(1).sipUsername());
			assertThat(legs(queue, callId)).extracting(CallLeg::getParty)
				.containsExactly(record(queue, callId).getCustomerNumber(), issued.get(0).sipUsername(), issued.get(1).sipUsername());
			assertThat(journal.stepsOf(queue.tenantId(), callId)).extracting(s -> s.kind() + ":" + s.seat())
				.contains("TRANSFERRED:" + issued.get(0).sipUsername());
		}
		finally {
			first.destroy();
			first.waitFor();
			if (second != null) {
				second.destroy();
				second.waitFor();
			}
		}
	}

	@Test
	void aSeatDialsAColleagueBySeatNumberAndABusyColleagueIsRefused() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "内部呼叫", "021-55560404", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		var issued = tenants.seatsWithPasswords(queue.tenantId(), 2);
		int colleaguePort = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(colleaguePort), "-s", issued.get(1).sipUsername(), "-au",
				issued.get(1).sipUsername(), "-ap", issued.get(1).password())).isZero();
		Process colleague = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(colleaguePort), "-m", "1");
		String caller = issued.get(0).sipUsername();

		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", "0002", "-key", "seat", caller, "-au", caller, "-ap",
				issued.get(0).password()))).as("the colleague answered").isZero();
		assertThat(Peers.finish(colleague)).isZero();
		CallRecord call = latest(queue);
		assertThat(call.getDirection()).isEqualTo("INTERNAL");
		assertThat(call.getSeat()).isEqualTo(caller);
		assertThat(call.getCustomerNumber()).isEqualTo(issued.get(1).sipUsername());
		assertThat(call.getAnsweredAt()).isNotNull();
		assertThat(call.getCostFen()).as("never billed").isZero();
		assertThat(journal.stepsOf(queue.tenantId(), call.getId())).extracting(s -> s.kind() + ":" + s.detail())
			.containsExactly("OFFERED:call from " + caller);

		desk.choose(queue.tenantId(), issued.get(1).sipUsername(), AgentStatus.REST);
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials-refused.xml", Map.of("expect", "486"), "-s", "0002", "-key", "seat",
				caller, "-au", caller, "-ap", issued.get(0).password()))).as("a resting colleague is busy").isZero();
	}

	private String softphone(com.calldesk.provisioning.resources.SeatAllocation.IssuedPassword seat) {
		return "<sip:" + seat.sipUsername() + "@127.0.0.1:" + SIP_PORT + ">;auth_pass=" + seat.password()
				+ ";answermode=auto;audio_codecs=PCMU;regint=300";
	}

}
