package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts to the customer and capturing what the customer says: voicemail and hold music need both. */
class PromptsTest {

	@TempDir
	Path dir;

	MediaRelay relay;

	RtpPeer customer;

	RtpPeer agent;

	MediaSession session;

	@BeforeEach
	void start() {
		int base = PortRange.freeBlock(8);
		relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), dir.resolve("rec")));
		customer = new RtpPeer();
		agent = new RtpPeer();
		session = relay.open("prompt-1", "acme");
		session.customerRemote("127.0.0.1", customer.port());
		session.agentRemote("127.0.0.1", agent.port());
	}

	@AfterEach
	void stop() {
		customer.close();
		agent.close();
		relay.close();
	}

	@Test
	void aPromptReachesTheCustomerAsPacedPcmuWhileTheAgentIsCutOff() throws Exception {
		Path prompt = dir.resolve("greeting.wav");
		WaveFile.writeMono(prompt, Tone.sine(440, 8000, 8000, 0));

		long started = System.nanoTime();
		CompletableFuture<Void> played = session.playToCustomer(prompt);
		agent.send(RtpPeer.tone(1000, 1, G711.PCMU, 0x77777777).get(0), session.agentPort());
		played.get(5, TimeUnit.SECONDS);
		long tookMillis = (System.nanoTime() - started) / 1_000_000;

		// 50 packets, the first at once and one every 20 ms after it
		assertThat(tookMillis).isGreaterThanOrEqualTo(900);
		Await.until("50 prompt packets", Duration.ofSeconds(5), () -> customer.received.size() >= 50);
		List<ByteBuffer> packets = new ArrayList<>(customer.received);
		assertThat(packets).hasSize(50).allMatch(packet -> Rtp.payloadType(packet) == G711.PCMU && packet.remaining() == 172);
		assertThat(Rtp.ssrc(packets.get(0))).isNotEqualTo(0x77777777);
		assertThat(packets.get(0).get(1) & 0x80).as("marker on the first packet").isEqualTo(0x80);
		for (int n = 1; n < packets.size(); n++) {
			assertThat(Rtp.sequence(packets.get(n))).isEqualTo((Rtp.sequence(packets.get(n - 1)) + 1) & 0xFFFF);
			assertThat(Rtp.timestamp(packets.get(n))).isEqualTo((Rtp.timestamp(packets.get(n - 1)) + 160) & 0xFFFFFFFFL);
		}
		short[] heard = decode(packets);
		assertThat(Tone.power(heard, 440)).isGreaterThan(100 * Tone.power(heard, 1000));
		assertThat(session.packetsFromAgent()).isEqualTo(1);

		// with the prompt over, the agent is heard again
		agent.send(RtpPeer.tone(1000, 2, G711.PCMU, 0x77777777).get(1), session.agentPort());
		Await.until("the agent's packet", Duration.ofSeconds(5), () -> customer.received.size() == 51);
	}

	@Test
	void aPromptSpeaksTheCodecTheCustomerSends() throws Exception {
		customer.send(RtpPeer.tone(440, 1, G711.PCMA, 0x12345678).get(0), session.customerPort());
		Await.until("the customer's packet", Duration.ofSeconds(5), () -> session.packetsFromCustomer() == 1);
		Path prompt = dir.resolve("beep.wav");
		WaveFile.writeMono(prompt, Tone.sine(1000, 800, 8000, 0));

		session.playToCustomer(prompt).get(5, TimeUnit.SECONDS);

		Await.until("5 prompt packets", Duration.ofSeconds(5), () -> customer.received.size() >= 5);
		assertThat(customer.received).hasSize(5).allMatch(packet -> Rtp.payloadType(packet) == G711.PCMA);
	}

	@Test
	void capturesWhatTheCustomerSaysUntilStopped() throws Exception {
		Path voicemail = dir.resolve("voicemail").resolve("prompt-1.wav");
		CompletableFuture<Path> captured = session.recordCustomer(voicemail, Duration.ofSeconds(30));

		RtpPeer.paced(RtpPeer.tone(440, 50, G711.PCMU, 0x12345678), customer, session.customerPort());
		Await.until("50 packets in", Duration.ofSeconds(5), () -> session.packetsFromCustomer() == 50);
		session.stopRecordingCustomer();

		assertThat(captured.get(5, TimeUnit.SECONDS)).isEqualTo(voicemail);
		WaveFile wav = WaveFile.read(voicemail);
		assertThat(wav.channels()).isEqualTo(1);
		assertThat(wav.seconds()).isBetween(0.95, 1.05);
		short[] heard = wav.channel(0, 0, 1);
		assertThat(Tone.power(heard, 440)).isGreaterThan(100 * Tone.power(heard, 1000));
	}

	@Test
	void aCaptureEndsAtItsMaximumEvenIfTheCustomerGoesQuiet() throws Exception {
		Path voicemail = dir.resolve("short.wav");
		CompletableFuture<Path> captured = session.recordCustomer(voicemail, Duration.ofMillis(500));

		RtpPeer.paced(RtpPeer.tone(440, 10, G711.PCMU, 0x12345678), customer, session.customerPort());

		assertThat(captured.get(5, TimeUnit.SECONDS)).isEqualTo(voicemail);
		assertThat(WaveFile.read(voicemail).seconds()).isBetween(0.15, 0.5);
	}

	private static short[] decode(List<ByteBuffer> packets) {
		short[] samples = new short[packets.size() * 160];
		int at = 0;
		for (ByteBuffer packet : packets) {
			for (int i = Rtp.HEADER; i < packet.remaining(); i++) {
				samples[at++] = G711.decodeUlaw(packet.get(packet.position() + i));
			}
		}
		return samples;
	}
}
