package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.CallStep;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.AgentStatus;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Sessions;
import com.calldesk.support.Tones;
import com.calldesk.tenancy.TenantContext;

/**
 * Voicemail (F11) with sipp as the carrier: the tenant's own greeting (uploaded through the API), the
 * beep, seven seconds of real speech (sipp's PCMA recording), and the message ended by hanging up or by
 * {@code #} (an RFC 4733 event); the message is then listed and played through the API, by its own
 * tenant only.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:voicemail-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s",
		"calldesk.media.port-min=37000", "calldesk.media.port-max=37499" })
class VoicemailWithRealPeersIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	/** Our greeting (1 s) and the beep (0.4 s), with room to spare before sipp starts speaking. */
	static final String GREETING_MS = "2000";

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void outsideBusinessHoursTheCallerLeavesAMessageThatIsListedAndPlayable() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "下班留言", "021-55560101", 1, settings());
		MockHttpSession admin = adminOf(queue);
		putJson(admin, "/api/acd/phone-rules", "{\"enabled\":true,\"openDays\":[],\"openFrom\":\"09:00\",\"openUntil\":\"18:00\","
				+ "\"holidays\":[],\"workdays\":[]}");
		putJson(admin, "/api/acd/overflow", "{\"rules\":{\"CLOSED\":{\"action\":\"VOICEMAIL\"}},\"voicemailMaxSeconds\":30}");
		uploadGreeting(admin);

		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-voicemail-hang-up.xml", Map.of("greeting_ms", GREETING_MS), "-s", "02155560101", "-mp",
				Integer.toString(Peers.freePort()), "-m", "1"))).as("answered by CallDesk, message left, hung up").isZero();

		JsonNode message = awaitMessage(admin);
		assertThat(message.get("situation").asString()).isEqualTo("closed");
		assertThat(message.get("endedBy").asString()).isEqualTo("hangup");
		assertThat(message.get("customerNumber").asString()).endsWith("13900005555");
		assertThat(message.get("durationMs").asInt()).as("the speech after the beep until the caller hung up").isBetween(6_000, 10_000);
		assertThat(message.get("callback").get("status").asString()).as("its callback task").isEqualTo("OPEN");
		assertThat(message.get("heardBy").isNull()).isTrue();
		String callId = message.get("callId").asString();
		assertThat(stepsOf(queue, callId)).extracting(s -> s.kind() + ":" + s.detail()).contains("OVERFLOWED:closed → voicemail");

		long id = message.get("id").asLong();
		String url = json(mvc.perform(post("/api/center/voicemails/{id}/links", id).session(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"use\":\"PLAY\"}")).andExpect(status().isOk())).get("url").asString();
		byte[] wav = mvc.perform(get(url).session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(loudness(wav)).as("the caller's speech is in it, not silence").isGreaterThan(300);
		assertThat(awaitMessage(admin).get("heardBy").asString()).as("the first playback marks it heard").isEqualTo(queue.adminUsername());
		assertThat(json(mvc.perform(get("/api/recordings/{id}/access", callId).session(admin)).andExpect(status().isOk())))
			.extracting(a -> a.get("action").asString()).containsExactly("VOICEMAIL_PLAY", "VOICEMAIL_LINK_PLAY");

		MockHttpSession otherTenant = Sessions.tenantUser(mvc, "2001000", "admin", "admin123");
		mvc.perform(get("/api/center/voicemails/{id}", id).session(otherTenant)).andExpect(status().isNotFound());
		mvc.perform(get(url).session(otherTenant)).andExpect(status().isNotFound());
	}

	@Test
	void whenEveryAgentRestsTheCallerLeavesAMessageAndPressesHash() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "忙时留言", "021-55560102", 1, settings());
		MockHttpSession admin = adminOf(queue);
		putJson(admin, "/api/acd/overflow", "{\"rules\":{\"ALL_BUSY\":{\"action\":\"VOICEMAIL\"}},\"voicemailMaxSeconds\":60}");
		uploadGreeting(admin);
		desk.choose(queue.tenantId(), queue.seats().get(0), AgentStatus.REST);

		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-voicemail-pound.xml", Map.of("greeting_ms", GREETING_MS), "-s", "02155560102", "-mp",
				Integer.toString(Peers.freePort()), "-m", "1"))).as("CallDesk hung up after #").isZero();

		JsonNode message = awaitMessage(admin);
		assertThat(message.get("situation").asString()).isEqualTo("all-busy");
		assertThat(message.get("endedBy").asString()).isEqualTo("hash");
		String callId = message.get("callId").asString();
		CallRecord record = TenantContext.call(directory.activeByCode(queue.code()).orElseThrow(), () -> records.find(callId));
		assertThat(record.getEndReason()).isEqualTo("voicemail");
		assertThat(record.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(record.getTab()).isEqualTo("IN_MISSED");
		// nothing missed (B2): the message is a callback task, opened with the record's close
		Map<String, Object> task = TenantContext.call(directory.activeByCode(queue.code()).orElseThrow(), () -> jdbc.queryForMap(
				"SELECT source, status, missed_calls, first_call_id FROM callback_task WHERE first_call_id = ?", callId));
		assertThat(task).containsEntry("source", "VOICEMAIL").containsEntry("status", "OPEN").containsEntry("missed_calls", 1);
	}

	private static AcdSettings settings() {
		return new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 5, 60, 50);
	}

	private void putJson(MockHttpSession session, String path, String json) throws Exception {
		mvc.perform(put(path).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
	}

	/** A one-second tone as the tenant's own greeting, so the test does not sit through the shipped one. */
	private void uploadGreeting(MockHttpSession admin) throws Exception {
		mvc.perform(put("/api/acd/prompts/voicemail-greeting").session(admin).with(csrf()).contentType("audio/wav")
			.content(java.nio.file.Files.readAllBytes(Tones.sine(440, 1)))).andExpect(status().isOk());
	}

	/**
	 * The tenant's one voicemail as the call center page lists it, once its call has closed too: the
	 * message is filed first, the record and its callback task a moment later on the same thread.
	 */
	private JsonNode awaitMessage(MockHttpSession admin) throws Exception {
		JsonNode[] lines = new JsonNode[1];
		Peers.await(Duration.ofSeconds(10), "the voicemail to be filed and its call closed", () -> {
			try {
				lines[0] = json(mvc.perform(get("/api/center/voicemails").session(admin)).andExpect(status().isOk())).get("lines");
				return !lines[0].isEmpty() && !lines[0].get(0).get("callback").isNull();
			}
			catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		assertThat(lines[0]).hasSize(1);
		return lines[0].get(0);
	}

	private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return new tools.jackson.databind.ObjectMapper().readTree(result.andReturn().getResponse().getContentAsString());
	}

	private List<CallStep> stepsOf(Queue queue, String callId) {
		return journal.stepsOf(queue.tenantId(), callId);
	}

	/** The RMS of the WAV's samples. */
	private static double loudness(byte[] wav) throws Exception {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
			assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
			assertThat(in.getFormat().getChannels()).isEqualTo(1);
			byte[] pcm = in.readAllBytes();
			double sum = 0;
			for (int i = 0; i + 1 < pcm.length; i += 2) {
				short sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
				sum += (double) sample * sample;
			}
			return Math.sqrt(sum / (pcm.length / 2.0));
		}
	}
}
