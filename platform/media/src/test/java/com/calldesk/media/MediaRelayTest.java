package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay end to end on loopback: a customer and an agent as plain UDP sockets. */
class MediaRelayTest {

	@TempDir
	Path recordings;

	MediaRelay relay;

	RtpPeer customer;

	RtpPeer agent;

	/** Seconds between the agent's first packet and the customer's. */
	double customerLate;

	@BeforeEach
	void start() {
		int base = PortRange.freeBlock(40);
		relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 39, Duration.ofSeconds(30), recordings));
		customer = new RtpPeer();
		agent = new RtpPeer();
	}

	@AfterEach
	void stop() {
		customer.close();
		agent.close();
		relay.close();
	}

	@Test
	void relaysBothWaysLatchesOnTheAgentAndRecordsEachSideOnItsOwnChannel() throws Exception {
		MediaSession session = relay.open("a84b4c76e66710@pc33.example.com", "acme");
		session.customerRemote("127.0.0.1", customer.port());
		try (RtpPeer wrong = new RtpPeer()) {
			// the phone's SDP says one thing, its NAT another: the relay must answer where packets come from
			session.agentRemote("127.0.0.1", wrong.port());
			List<byte[]> fromCustomer = RtpPeer.tone(440, 150, G711.PCMU, 0x11111111);
			List<byte[]> fromAgent = RtpPeer.tone(1000, 150, G711.PCMU, 0x22222222);

			long agentStarted = System.nanoTime();
			agent.send(fromAgent.get(0), session.agentPort());
			Await.until("the agent's first packet", Duration.ofSeconds(5), () -> session.packetsFromAgent() == 1);
			Thread sender = new Thread(() -> RtpPeer.paced(fromAgent.subList(1, 150), agent, session.agentPort()));
			sender.start();
			customerLate = (System.nanoTime() - agentStarted) / 1e9;
			RtpPeer.paced(fromCustomer, customer, session.customerPort());
			sender.join();

			Await.until("150 packets each way", Duration.ofSeconds(5), () -> customer.received.size() == 150 && agent.received.size() == 150);
			assertThat(agent.received).containsExactlyInAnyOrderElementsOf(wrapped(fromCustomer));
			assertThat(customer.received).containsExactlyInAnyOrderElementsOf(wrapped(fromAgent));
			assertThat(wrong.received).isEmpty();
		}
		assertThat(session.packetsFromCustomer()).isEqualTo(150);
		assertThat(session.packetsFromAgent()).isEqualTo(150);
		assertThat(relay.activeSessions()).isEqualTo(1);

		session.close();

		assertThat(relay.activeSessions()).isZero();
		assertThat(session.recording())
			.isEqualTo(recordings.resolve("acme").resolve(LocalDate.now().toString()).resolve("a84b4c76e66710@pc33.example.com.wav"));
		WaveFile wav = WaveFile.read(session.recording());
		assertThat(wav.format()).isEqualTo(1);
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.rate()).isEqualTo(8000);
		assertThat(wav.bits()).isEqualTo(16);
		assertThat(wav.dataSize()).isEqualTo(wav.fileSize() - 44);
		// the customer's 3 s started customerLate after the agent's first packet
		assertThat(wav.seconds()).isBetween(2.95, customerLate + 3.1);
		short[] left = wav.channel(0, 0.5, 2.5);
		short[] right = wav.channel(1, 0.5, 2.5);
		assertThat(Tone.power(left, 440)).isGreaterThan(100 * Tone.power(left, 1000));
		assertThat(Tone.power(right, 1000)).isGreaterThan(100 * Tone.power(right, 440));
		// each channel's audio starts when its side started sending (within 50 ms): the two stay aligned
		assertThat(wav.onset(1)).isLessThan(400);
		assertThat(Math.abs(wav.onset(0) - customerLate * 8000)).isLessThan(400);
	}

	@Test
	void telephoneEventsPassUnchangedAndAreNotRecorded() throws Exception {
		MediaSession session = relay.open("dtmf-1", "acme");
		session.agentRemote("127.0.0.1", agent.port());
		ByteBuffer event = ByteBuffer.allocate(16);
		Rtp.writeHeader(event, true, 101, 7, 123456, 0x33333333);
		// digit 5, end bit, volume 10, duration 800
		event.put((byte) 5).put((byte) 0x8A).putShort((short) 800);

		customer.send(event.array(), session.customerPort());

		Await.until("the event at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 1);
		assertThat(agent.received.peek()).isEqualTo(ByteBuffer.wrap(event.array()));
		session.close();
		assertThat(WaveFile.read(session.recording()).dataSize()).isZero();
	}

	@Test
	void onceLatchedAStrangerCannotInjectAudio() throws Exception {
		MediaSession session = relay.open("bleed-1", "acme");
		session.agentRemote("127.0.0.1", agent.port());
		List<byte[]> packets = RtpPeer.tone(440, 2, G711.PCMU, 0x44444444);
		customer.send(packets.get(0), session.customerPort());
		Await.until("the customer's packet at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 1);

		try (RtpPeer stranger = new RtpPeer()) {
			stranger.send(RtpPeer.tone(1000, 1, G711.PCMU, 0x55555555).get(0), session.customerPort());
			customer.send(packets.get(1), session.customerPort());
			Await.until("the customer's second packet", Duration.ofSeconds(5), () -> agent.received.size() >= 2);
		}

		assertThat(agent.received).containsExactlyElementsOf(wrapped(packets));
		assertThat(session.packetsFromCustomer()).isEqualTo(2);
		session.close();
	}

	@Test
	void callIdsCannotLeaveTheRecordingsFolder() {
		MediaSession session = relay.open("../../etc/passwd", "../acme");

		assertThat(session.recording().normalize()).startsWith(recordings);
		assertThat(session.recording()).exists();
		session.close();
	}

	static List<ByteBuffer> wrapped(List<byte[]> packets) {
		return packets.stream().map(ByteBuffer::wrap).toList();
	}
}
