package com.calldesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe.Message;

/**
 * A stack whose one worker is stuck: what piles up is new INVITEs, and past what the node can work
 * through in time they are refused with 503 and Retry-After by the reading thread, before the stack
 * parses them; requests inside a dialog are never refused, and once the worker is free every one
 * admitted is handled.
 */
class OverloadAtTheDoorTest {

	final CountDownLatch stuck = new CountDownLatch(1);

	final AtomicInteger handled = new AtomicInteger();

	SipServer server;

	int port;

	@AfterEach
	void stop() {
		stuck.countDown();
		if (server != null) {
			server.close();
		}
	}

	/** The stack sends from its listening socket (RFC 3261 §18.1.1 and every NAT need the answers to come back there). */
	@Test
	void requestsTheStackSendsLeaveFromItsListeningPort() throws Exception {
		port = FreePort.find();
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 2, 100, 16384, 60, 3600,
				Duration.ofMinutes(5), Duration.ZERO);
		server = SipServer.start(settings, endpoint -> Map.of());
		try (java.net.DatagramSocket peer = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
			peer.setSoTimeout(3000);
			javax.sip.message.Request options = server.endpoint().messages().createRequest("OPTIONS sip:peer@127.0.0.1:" + peer.getLocalPort()
					+ " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + System.nanoTime()
					+ "\r\nFrom: <sip:calldesk@127.0.0.1>;tag=1\r\nTo: <sip:peer@127.0.0.1>\r\nCall-ID: from-port\r\nCSeq: 1 OPTIONS\r\n"
					+ "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
			server.endpoint().provider().getNewClientTransaction(options).sendRequest();
			java.net.DatagramPacket received = new java.net.DatagramPacket(new byte[4096], 4096);
			peer.receive(received);
			assertThat(received.getPort()).isEqualTo(port);
		}
	}

	@Test
	void newInvitesBeyondWhatCanBeWorkedThroughAreRefusedAtOnceAndInDialogRequestsAreNot() throws Exception {
		port = FreePort.find();
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 1, 10_000, 16384, 60, 3600,
				Duration.ofMinutes(5), Duration.ZERO);
		server = SipServer.start(settings, new SipServer.Overload(100, 5000, 7), endpoint -> Map.of(
				"INVITE", (event, tx) -> {
					stuck.await(10, TimeUnit.SECONDS);
					handled.incrementAndGet();
					endpoint.respond(tx, event.getRequest(), 486);
				}));
		try (SipProbe probe = new SipProbe(port)) {
			probe.timeout(3000);
			probe.receiveBuffer(4 << 20);
			int sent = 400;
			for (int i = 0; i < sent; i++) {
				probe.sendRaw(invite(probe.port(), "flood-" + i, null));
			}
			for (int i = 0; i < 20; i++) {
				probe.sendRaw(bye(probe.port(), "up-" + i));
			}
			// the 503s come from the reading thread while the only worker is still stuck
			List<Message> refusals = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			probe.timeout(1500);
			for (Optional<Message> m = probe.receive(); m.isPresent(); m = probe.receive()) {
				seen.merge(m.get().firstLine(), 1, Integer::sum);
				if (m.get().status() == 503) {
					refusals.add(m.get());
				}
			}
			// a retransmission of an INVITE that was let in belongs to a call taken on: never refused
			probe.sendRaw(invite(probe.port(), "flood-0", null));
			for (Optional<Message> m = probe.receive(); m.isPresent(); m = probe.receive()) {
				assertThat(m.get().header("Call-ID")).as("a retransmission of an admitted INVITE refused").isNotEqualTo("flood-0");
			}
			assertThat(handled.get()).as("the worker is still stuck").isZero();
			assertThat(refusals).as("answers while stuck: " + seen).hasSizeBetween(sent - 100, sent - com.calldesk.sip.overload.DatagramAdmission.FLOOR);
			Message refusal = refusals.get(0);
			assertThat(refusal.header("Retry-After")).isEqualTo("7");
			assertThat(refusal.header("To")).contains(";tag=");
			assertThat(refusal.header("Call-ID")).startsWith("flood-");
			assertThat(refusal.header("CSeq")).isEqualTo("1 INVITE");
			assertThat(refusal.header("Via")).contains("branch=z9hG4bK");
			assertThat(server.admission().refused()).isEqualTo(refusals.size());

			stuck.countDown();
			int admitted = sent - refusals.size();
			probe.timeout(5000);
			// the stack repeats its 486 until an ACK that never comes: count calls, not messages
			java.util.Set<String> busy = new java.util.HashSet<>();
			java.util.Set<String> byesAnswered = new java.util.HashSet<>();
			for (Optional<Message> m = probe.receive(); m.isPresent() && (busy.size() < admitted || byesAnswered.size() < 20);
					m = probe.receive()) {
				if (m.get().status() == 486) {
					busy.add(m.get().header("Call-ID"));
				}
				else if (m.get().header("CSeq").endsWith("BYE")) {
					byesAnswered.add(m.get().header("Call-ID"));
				}
			}
			assertThat(busy).as("every admitted INVITE handled once the worker is free").hasSize(admitted);
			assertThat(byesAnswered).as("no BYE refused at the door: each answered by the stack").hasSize(20);
		}
	}

	private String invite(int probePort, String callId, String toTag) {
		return "INVITE sip:02161234567@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + probePort + ";branch=z9hG4bK" + callId + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:13800001111@127.0.0.1>;tag=c" + callId + "\r\nTo: <sip:02161234567@127.0.0.1>"
				+ (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
				+ "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:carrier@127.0.0.1:" + probePort + ">\r\nContent-Length: 0\r\n\r\n";
	}

	private String bye(int probePort, String callId) {
		return "BYE sip:calldesk@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + probePort + ";branch=z9hG4bKbye" + callId + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:13800001111@127.0.0.1>;tag=a\r\nTo: <sip:calldesk@127.0.0.1>;tag=b\r\n"
				+ "Call-ID: " + callId + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
	}
}
