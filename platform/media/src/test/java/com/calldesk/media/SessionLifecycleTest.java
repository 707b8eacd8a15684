package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ports in and out, RTP timeouts, and what close() leaves behind. */
class SessionLifecycleTest {

	@TempDir
	Path recordings;

	@Test
	void aSilentSessionTimesOut() {
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofMillis(300), recordings))) {
			MediaSession session = relay.open("silent-1", "acme");

			Await.until("the RTP timeout", Duration.ofSeconds(5), session::timedOut);
		}
	}

	@Test
	void aPacketEitherWayKeepsTheSessionAlive() {
		TestClock clock = new TestClock();
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofMillis(300), recordings),
				clock); RtpPeer agent = new RtpPeer()) {
			MediaSession session = relay.open("alive-1", "acme");
			assertThat(session.lastPacketAt()).isEqualTo(clock.instant());
			clock.advance(Duration.ofMillis(299));
			assertThat(session.timedOut()).isFalse();
			clock.advance(Duration.ofMillis(1));
			assertThat(session.timedOut()).isTrue();

			agent.send(RtpPeer.tone(1000, 1, G711.PCMU, 1).get(0), session.agentPort());
			Await.until("the agent's packet", Duration.ofSeconds(5), () -> session.packetsFromAgent() == 1);

			assertThat(session.lastPacketAt()).isEqualTo(clock.instant());
			assertThat(session.timedOut()).isFalse();
		}
	}

	@Test
	void portsAreEvenDistinctAndComeBackOnClose() {
		int base = PortRange.freeBlock(8);
		// 8 ports: 4 even ones whose RTCP twin is in range, so 2 calls at a time
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), recordings))) {
			for (int call = 0; call < 200; call++) {
				MediaSession first = relay.open("loop-" + call + "-a", "acme");
				MediaSession second = relay.open("loop-" + call + "-b", "acme");
				Set<Integer> ports = Set.of(first.customerPort(), first.agentPort(), second.customerPort(), second.agentPort());
				assertThat(ports).hasSize(4).allMatch(port -> port % 2 == 0 && port >= base && port + 1 <= base + 7);
				first.close();
				second.close();
				first.close();
			}
			assertThat(relay.activeSessions()).isZero();
		}
	}

	@Test
	void aFullRangeRefusesTheNextCallUntilOneEnds() {
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), recordings))) {
			List<MediaSession> open = new ArrayList<>();
			open.add(relay.open("full-1", "acme"));
			open.add(relay.open("full-2", "acme"));

			assertThatExceptionOfType(MediaUnavailableException.class).isThrownBy(() -> relay.open("full-3", "acme"))
				.withMessageContaining("(0 free, 0 on their way back, 2 calls");
			assertThat(relay.activeSessions()).isEqualTo(2);

			open.get(0).close();
			MediaSession third = relay.open("full-3", "acme");
			assertThat(relay.activeSessions()).isEqualTo(2);
			third.close();
			open.get(1).close();
		}
	}

	@Test
	void oneCallGetsOneSession() {
		int base = PortRange.freeBlock(8);
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), recordings))) {
			relay.open("twice", "acme");

			assertThatIllegalStateException().isThrownBy(() -> relay.open("twice", "acme"));
			assertThat(relay.activeSessions()).isEqualTo(1);
		}
	}

	@Test
	void closingTheRelayClosesItsSessionsAndTheirRecordings() throws Exception {
		int base = PortRange.freeBlock(40);
		Set<Path> files = new HashSet<>();
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 39, Duration.ofSeconds(30), recordings))) {
			for (int call = 0; call < 5; call++) {
				files.add(relay.open("shutdown-" + call, "acme").recording());
			}
		}
		assertThat(files).hasSize(5);
		for (Path file : files) {
			assertThat(WaveFile.read(file).channels()).isEqualTo(2);
		}
	}
}
