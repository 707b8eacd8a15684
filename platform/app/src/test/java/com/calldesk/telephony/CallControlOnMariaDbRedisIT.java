package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.CallEvent;
import com.calldesk.support.Leftovers;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Tones;

/**
 * Call control on the production profile — MariaDB schemas per tenant, the Redis agent board,
 * registrations and channel leases — with sipp as carrier and phones: a blind transfer between two
 * seats, and a message left by an RFC 4733 {@code #} when every agent rests, filed and played back.
 * Everything it creates is named calldeskcc*.
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskcc", "calldesk.redis.prefix=calldeskcc:",
		"calldesk.provisioning.initial-staff-password=cc-staff-pass", "calldesk.sip.server.bind-host=127.0.0.1",
		"calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1", "calldesk.media.port-min=39000",
		"calldesk.media.port-max=39499" })
@ActiveProfiles("prod")
class CallControlOnMariaDbRedisIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@BeforeAll
	static void dropWhatAPreviousRunLeft() throws Exception {
		Leftovers.drop("calldeskcc");
	}

	@Test
	void aBlindTransferMovesTheCustomerToTheOtherSeat() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "生产转接", "021-55560501", 2, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 0, 60, 50));
		Process first = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "1");
		Process second = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(1)), "-m", "1");
		Process customer = Peers.sippAsync(SIP_PORT, "uac", Map.of(), "-s", "02155560501", "-d", "10000", "-m", "1", "-mp",
				Integer.toString(Peers.freePort()));
		String callId = awaitAnswered(queue);
		MockHttpSession admin = adminOf(queue);
		String answering = record(queue, callId).getSeat();
		String other = queue.seats().get(0).equals(answering) ? queue.seats().get(1) : queue.seats().get(0);
		// a phone whose sipp was still starting when the call came missed its offer: it is free again at once (no delay set)
		Peers.await(Duration.ofSeconds(5), "the other agent to be free", () -> desk.agents(queue.tenantId()).stream()
			.anyMatch(a -> a.seat().equals(other) && a.offerable(java.time.Instant.now())));

		mvc.perform(post("/api/calls/" + callId + "/transfer").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seat\":\"" + other + "\"}")).andExpect(status().isOk());
		Peers.await(Duration.ofSeconds(10), "the second seat to take the call",
				() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallTransferred t && t.call().callId().equals(callId)));
		assertThat(Peers.finish(customer)).isZero();
		assertThat(Peers.finish(first)).isZero();
		assertThat(Peers.finish(second)).isZero();
		Peers.await(Duration.ofSeconds(10), "the record to close", () -> record(queue, callId).getEndedAt() != null);
		assertThat(legs(queue, callId)).extracting(CallLeg::getParty).containsExactly(record(queue, callId).getCustomerNumber(), answering, other);
	}

	@Test
	void whenEveryAgentRestsTheCallerLeavesAMessageFiledInTheTenantsDatabase() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "生产留言", "021-55560502", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50));
		MockHttpSession admin = adminOf(queue);
		mvc.perform(put("/api/acd/overflow").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"rules\":{\"ALL_BUSY\":{\"action\":\"VOICEMAIL\"}},\"voicemailMaxSeconds\":60}")).andExpect(status().isOk());
		mvc.perform(put("/api/acd/prompts/voicemail-greeting").session(admin).with(csrf()).contentType("audio/wav")
			.content(java.nio.file.Files.readAllBytes(Tones.sine(440, 1)))).andExpect(status().isOk());
		desk.choose(queue.tenantId(), queue.seats().get(0), AgentStatus.REST);

		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-voicemail-pound.xml", Map.of("greeting_ms", "2000"), "-s", "02155560502", "-mp",
				Integer.toString(Peers.freePort()), "-m", "1"))).isZero();
		Peers.await(Duration.ofSeconds(10), "the message to be listed", () -> cti.stream()
			.anyMatch(e -> e instanceof CallEvent.VoicemailLeft v && v.call().tenantId() == queue.tenantId()));
		mvc.perform(get("/api/center/voicemails").session(admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].situation").value("all-busy")).andExpect(jsonPath("$.lines[0].endedBy").value("hash"));
		String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/center/voicemails").session(admin)).andReturn().getResponse()
			.getContentAsString(), "$.lines[0].id").toString();
		String url = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/center/voicemails/" + id + "/links").session(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.url");
		byte[] wav = mvc.perform(get(url).session(admin)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(wav.length).as("seven seconds of 8 kHz 16-bit audio").isGreaterThan(7 * 8000 * 2);
	}
}
