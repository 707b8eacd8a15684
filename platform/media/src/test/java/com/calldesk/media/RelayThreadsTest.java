package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several relay threads: which call goes where, what is counted, and closing past a busy thread. */
class RelayThreadsTest {

	@TempDir
	Path recordings;

	private MediaSettings settings(int base, int size, int threads) {
		return new MediaSettings("127.0.0.1", "127.0.0.1", base, base + size - 1, Duration.ofSeconds(30), recordings, threads);
	}

	@Test
	void theDefaultIsOneRelayThreadPerProcessor() {
		MediaSettings defaults = MediaSettings.defaults("127.0.0.1", "127.0.0.1", recordings);

		assertThat(defaults.relayThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(defaults.withRelayThreads(3).relayThreads()).isEqualTo(3);
	}

	@Test
	void callsGoToTheLeastLoadedThreadAndStayThere() throws Exception {
		int base = PortRange.freeBlock(40);
		try (MediaRelay relay = new MediaRelay(settings(base, 40, 3)); RtpPeer customer = new RtpPeer(); RtpPeer agent = new RtpPeer()) {
			assertThat(relay.relayThreads()).isEqualTo(3);
			List<MediaSession> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(relay.open("spread-" + i, "acme"));
			}
			assertThat(relay.relayThreadStats()).extracting(MediaRelay.RelayThreadStats::sessions).containsExactly(2, 2, 2);
			assertThat(relay.relayThreadStats()).extracting(MediaRelay.RelayThreadStats::thread)
				.containsExactly("media-relay-0", "media-relay-1", "media-relay-2");

			// a call's packets are all handled by the thread it got at open
			RelaySession first = (RelaySession) calls.get(0);
			int home = first.forwarder().index();
			first.agentRemote("127.0.0.1", agent.port());
			for (byte[] packet : RtpPeer.tone(440, 20, G711.PCMU, 0x01010101)) {
				customer.send(packet, first.customerPort());
			}
			Await.until("20 packets at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 20);
			List<MediaRelay.RelayThreadStats> stats = relay.relayThreadStats();
			for (int i = 0; i < 3; i++) {
				assertThat(stats.get(i).packetsReceived()).as("packets on thread %d", i).isEqualTo(i == home ? 20 : 0);
			}
			assertThat(relay.packetsReceived()).isEqualTo(20);

			// the thread that lost a call gets the next one
			RelaySession leaving = (RelaySession) calls.get(4);
			int freed = leaving.forwarder().index();
			leaving.close();
			RelaySession next = (RelaySession) relay.open("spread-next", "acme");
			assertThat(next.forwarder().index()).isEqualTo(freed);
			assertThat(relay.relayThreadStats()).extracting(MediaRelay.RelayThreadStats::sessions).containsExactly(2, 2, 2);
		}
	}

	@Test
	void packetsTheKernelRefusesAreCountedAsSendFailures() {
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(settings(base, 8, 2)); RtpPeer customer = new RtpPeer()) {
			MediaSession session = relay.open("refused-1", "acme");
			// broadcast without SO_BROADCAST: the kernel refuses every send
			session.agentRemote("255.255.255.255", 9);
			for (byte[] packet : RtpPeer.tone(440, 5, G711.PCMU, 0x02020202)) {
				customer.send(packet, session.customerPort());
			}

			Await.until("5 failed sends", Duration.ofSeconds(5), () -> relay.sendFailures() == 5);
			int home = ((RelaySession) session).forwarder().index();
			assertThat(relay.relayThreadStats().get(home).sendFailures()).isEqualTo(5);
			assertThat(relay.relayThreadStats().get(1 - home).sendFailures()).isZero();
			assertThat(session.packetsFromCustomer()).isEqualTo(5);
			session.close();
		}
	}

	@Test
	void audioTheRecorderHasNoRoomForIsCountedAsRecordingDrops() throws Exception {
		int base = PortRange.freeBlock(8);
		// a recorder queue of 0: every batch of audio is refused
		try (MediaRelay relay = new MediaRelay(settings(base, 8, 2), Clock.systemDefaultZone(), 0); RtpPeer customer = new RtpPeer();
				RtpPeer agent = new RtpPeer()) {
			MediaSession session = relay.open("dropped-1", "acme");
			session.agentRemote("127.0.0.1", agent.port());
			for (byte[] packet : RtpPeer.tone(440, 7, G711.PCMU, 0x03030303)) {
				customer.send(packet, session.customerPort());
			}

			Await.until("7 packets at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 7);
			Await.until("7 recording drops", Duration.ofSeconds(5), () -> relay.recordingDrops() == 7);
			int home = ((RelaySession) session).forwarder().index();
			assertThat(relay.relayThreadStats().get(home).recordingDrops()).isEqualTo(7);
			assertThat(relay.sendFailures()).isZero();
			session.close();
			assertThat(WaveFile.read(session.recording()).dataSize()).isZero();
		}
	}

	@Test
	void closingDoesNotWaitForABusyRelayThreadAndThePortsComeBackWhenItIsFree() throws Exception {
		int base = PortRange.freeBlock(4);
		// 4 ports: room for one call only
		try (MediaRelay relay = new MediaRelay(settings(base, 4, 1)); RtpPeer customer = new RtpPeer(); RtpPeer agent = new RtpPeer()) {
			RelaySession session = (RelaySession) relay.open("busy-1", "acme");
			session.agentRemote("127.0.0.1", agent.port());
			CountDownLatch busy = new CountDownLatch(1);
			CountDownLatch running = new CountDownLatch(1);
			session.forwarder().execute(() -> {
				running.countDown();
				try {
					busy.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

			long started = System.nanoTime();
			session.close();
			long tookMillis = (System.nanoTime() - started) / 1_000_000;

			assertThat(tookMillis).isLessThan(1000);
			assertThat(relay.activeSessions()).isZero();
			// the sockets are closed at once: nothing goes through any more
			customer.send(RtpPeer.tone(440, 1, G711.PCMU, 4).get(0), session.customerPort());
			// the ports are not free until the relay thread dropped them
			assertThat(tryOpen(relay, "busy-2")).isNull();

			busy.countDown();
			Await.until("the ports back", Duration.ofSeconds(5), () -> {
				MediaSession next = tryOpen(relay, "busy-3");
				if (next != null) {
					next.close();
				}
				return next != null;
			});
			assertThat(agent.received).isEmpty();
		}
	}

	private static MediaSession tryOpen(MediaRelay relay, String callId) {
		try {
			return relay.open(callId, "acme");
		}
		catch (MediaUnavailableException e) {
			return null;
		}
	}
}
