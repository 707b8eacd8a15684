package com.calldesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.calldesk.sip.SipProbe.Message;

/**
 * RFC 4475's invalid messages, and worse, thrown at a running stack: each is answered with a 4xx
 * (505 for an unknown version) or dropped — never a 2xx, never a 5xx of ours — and the stack
 * answers the next good request at once.
 */
class MalformedSipTest {

	static SipServer server;

	static int port;

	@BeforeAll
	static void start() throws Exception {
		port = FreePort.find();
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 8, 100, 16384, 60, 3600, Duration.ofMinutes(5),
				Duration.ZERO);
		server = SipServer.start(settings, endpoint -> Map.of("OPTIONS", new OptionsHandler(endpoint, "OPTIONS, REGISTER"),
				"REGISTER", (event, tx) -> endpoint.respond(tx, event.getRequest(), 401)));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	/**
	 * What each message gets; 0 means dropped. Three are parsed leniently, as RFC 4475 lets a robust
	 * parser do: extra spaces in the request line (lwsstart → 405, no INVITE handler here), trailing
	 * spaces after the version (trws) and spaces inside angle brackets (badaspec). regbadct is
	 * challenged before its Contact is ever read.
	 */
	static Stream<Arguments> rfc4475() {
		return Stream.of(Arguments.of("badinv01", 400), Arguments.of("clerr", 400), Arguments.of("ncl", 400),
				Arguments.of("scalar02", 400), Arguments.of("scalarlg", 0), Arguments.of("quotbal", 400),
				Arguments.of("ltgtruri", 400), Arguments.of("lwsruri", 400), Arguments.of("lwsstart", 405), Arguments.of("trws", 200),
				Arguments.of("regbadct", 401), Arguments.of("badaspec", 200), Arguments.of("baddn", 0), Arguments.of("badvers", 0),
				Arguments.of("mismatch01", 400), Arguments.of("mismatch02", 400), Arguments.of("bigcode", 0));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("rfc4475")
	void tortureMessageGetsItsAnswerAndTheStackKeepsServing(String name, int expected) throws IOException {
		try (SipProbe probe = new SipProbe(port)) {
			probe.timeout(1000);
			probe.sendRaw(fixture(name, probe.port()));
			Optional<Message> answer = probe.receive();
			assertThat(answer.map(Message::status).orElse(0)).as(name).isEqualTo(expected);
			assertStillServing(probe);
		}
	}

	@Test
	void anOversizedDatagramIsRefusedWithoutHarm() {
		try (SipProbe probe = new SipProbe(port)) {
			probe.timeout(1000);
			probe.sendRaw(options(probe.port()).replace("Content-Length: 0", "X-Padding: " + "a".repeat(30000) + "\r\nContent-Length: 0"));
			probe.receive().ifPresent(a -> assertThat(a.status()).isBetween(400, 599).isNotEqualTo(500));
			assertStillServing(probe);
		}
	}

	@Test
	void aNewRequestWithoutMaxForwardsIs400() {
		try (SipProbe probe = new SipProbe(port)) {
			probe.sendRaw(options(probe.port()).replace("Max-Forwards: 70\r\n", "").replace("OPTIONS", "REGISTER"));
			assertThat(probe.await().status()).isEqualTo(400);
			assertStillServing(probe);
		}
	}

	@Test
	void garbageAndEmptyDatagramsAreDropped() {
		try (SipProbe probe = new SipProbe(port)) {
			probe.timeout(500);
			probe.sendRaw("\u0000\u0001\u0002garbage\r\n\r\n");
			probe.sendRaw("\r\n\r\n");
			probe.sendRaw("INVITE\r\n");
			assertThat(probe.receive()).isEmpty();
			assertStillServing(probe);
		}
	}

	private static void assertStillServing(SipProbe probe) {
		probe.timeout(3000);
		probe.sendRaw(options(probe.port()));
		Message ok = probe.await();
		while (!ok.header("Call-ID").startsWith("alive-")) {
			ok = probe.await();
		}
		assertThat(ok.status()).isEqualTo(200);
	}

	private static String options(int probePort) {
		return "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + probePort + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:calldesk@127.0.0.1>\r\n"
				+ "Call-ID: alive-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
	}

	static String fixture(String name, int probePort) throws IOException {
		try (InputStream in = MalformedSipTest.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{probe}", "127.0.0.1:" + probePort);
			text = text.replace("\r\n", "\n").replace("\n", "\r\n");
			int body = text.indexOf("\r\n\r\n");
			int length = body < 0 ? 0 : text.substring(body + 4).getBytes(StandardCharsets.UTF_8).length;
			return text.replace("{length}", Integer.toString(length));
		}
	}
}
