package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.support.Peers;
import com.calldesk.support.Tones;
import com.calldesk.tenancy.TenantContext;

/**
 * A real softphone conversation through the relay: baresip dials in as the customer with a 440 Hz
 * tone, baresip registered as the seat answers with 1000 Hz. The customer then dies without a BYE,
 * so CallDesk's RTP timeout must end the call; the stereo recording carries each side's own tone.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:recorded-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=33000", "calldesk.media.port-max=33999", "calldesk.media.rtp-timeout=3s" })
class RecordedCallWithBaresipIT {

	static final int SIP_PORT = Peers.freePort();

	static final Path RECORDINGS;

	static {
		try {
			RECORDINGS = Files.createTempDirectory("recordings");
		}
		catch (java.io.IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
		registry.add("calldesk.media.recordings-dir", RECORDINGS::toString);
	}

	@Autowired
	Locations locations;

	@Autowired
	CallRecords records;

	@Autowired
	TenantDirectory tenants;

	@Test
	void aRelayedConversationIsRecordedInStereoAndEndsWhenMediaStops() throws Exception {
		Process agent = Peers.baresip("<sip:ss2001000ss0001@127.0.0.1:" + SIP_PORT
				+ ">;auth_pass=Seat0001Demo;answermode=auto;audio_codecs=PCMU;regint=300", Tones.sine(1000, 30));
		Process customer = null;
		try {
			Peers.await(Duration.ofSeconds(15), "the agent's baresip to register",
					() -> locations.of("ss2001000ss0001").stream().anyMatch(b -> b.userAgent().startsWith("baresip")));
			customer = Peers.baresip("<sip:13900005555@127.0.0.1>;regint=0;audio_codecs=PCMU", Tones.sine(440, 30),
					"/dial sip:01062345678@127.0.0.1:" + SIP_PORT);
			Peers.await(Duration.ofSeconds(15), "the call to be answered", () -> answered() != null);
			Path recording = Path.of(answered().getRecording());
			Peers.await(Duration.ofSeconds(15), "three seconds of stereo audio", () -> size(recording) > 3 * 8000 * 4);

			customer.destroyForcibly().waitFor();
			Peers.await(Duration.ofSeconds(15), "the RTP timeout to end the call", () -> answered().getEndedAt() != null);
			CallRecord ended = answered();
			assertThat(ended.getEndReason()).isEqualTo("rtp-timeout");
			assertThat(ended.getEndedBy()).isEqualTo("SYSTEM");

			short[] customerChannel = Tones.channel(recording, 0);
			short[] agentChannel = Tones.channel(recording, 1);
			assertThat(customerChannel.length).isGreaterThan(3 * 8000);
			assertThat(Tones.power(customerChannel, 440, 8000)).as("customer channel: 440 Hz over 1000 Hz")
				.isGreaterThan(10 * Tones.power(customerChannel, 1000, 8000));
			assertThat(Tones.power(agentChannel, 1000, 8000)).as("agent channel: 1000 Hz over 440 Hz")
				.isGreaterThan(10 * Tones.power(agentChannel, 440, 8000));
			assertThat(recording).startsWith(RECORDINGS.resolve("2001000"));
		}
		finally {
			if (customer != null) {
				customer.destroyForcibly();
			}
			agent.destroy();
			agent.waitFor();
		}
	}

	private CallRecord answered() {
		CallRecord latest = TenantContext.call(tenants.activeByCode("2001000").orElseThrow(), () -> records.latest());
		return latest != null && latest.getAnsweredAt() != null ? latest : null;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}
}
