package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

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
import com.calldesk.voicemail.Voicemail;
import com.calldesk.voicemail.VoicemailBox;

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
	VoicemailBox box;

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

		Voicemail message = awaitMessage(queue);
		assertThat(message.getSituation()).isEqualTo("closed");
		assertThat(message.getEndedBy()).isEqualTo("hangup");
		assertThat(message.getCustomerNumber()).endsWith("13900005555");
		assertThat(message.getDurationMs()).as("the speech after the beep until the caller hung up").isBetween(6_000, 10_000);
		assertThat(stepsOf(queue, message.getCallId())).extracting(s -> s.kind() + ":" + s.detail()).contains("OVERFLOWED:closed → voicemail");

		byte[] wav = mvc.perform(get("/api/voicemails/" + message.getId() + "/audio").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(loudness(wav)).as("the caller's speech is in it, not silence").isGreaterThan(300);

		MockHttpSession otherTenant = Sessions.tenantUser(mvc, "2001000", "admin", "admin123");
		mvc.perform(get("/api/voicemails/" + message.getId()).session(otherTenant)).andExpect(status().isNotFound());
		mvc.perform(get("/api/voicemails/" + message.getId() + "/audio").session(otherTenant)).andExpect(status().isNotFound());
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

		Voicemail message = awaitMessage(queue);
		assertThat(message.getSituation()).isEqualTo("all-busy");
		assertThat(message.getEndedBy()).isEqualTo("hash");
		CallRecord record = TenantContext.call(directory.activeByCode(queue.code()).orElseThrow(), () -> records.find(message.getCallId()));
		assertThat(record.getEndReason()).isEqualTo("voicemail");
		assertThat(record.getEndedBy()).isEqualTo("SYSTEM");
		assertThat(record.getTab()).isEqualTo("IN_MISSED");
		// nothing missed (B2): the message is a callback task, opened with the record's close
		Map<String, Object> task = TenantContext.call(directory.activeByCode(queue.code()).orElseThrow(), () -> jdbc.queryForMap(
				"SELECT source, status, missed_calls, first_call_id FROM callback_task WHERE first_call_id = ?", message.getCallId()));
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

	private Voicemail awaitMessage(Queue queue) throws InterruptedException {
		var scope = directory.activeByCode(queue.code()).orElseThrow();
		Peers.await(Duration.ofSeconds(10), "the voicemail to be filed", () -> !TenantContext.call(scope, () -> box.newest(0, 10)).isEmpty());
		List<Voicemail> messages = TenantContext.call(scope, () -> box.newest(0, 10));
		assertThat(messages).hasSize(1);
		return messages.get(0);
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
