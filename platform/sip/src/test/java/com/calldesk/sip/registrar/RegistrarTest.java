package com.calldesk.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.calldesk.sip.FreePort;
import com.calldesk.sip.OptionsHandler;
import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;
import com.calldesk.sip.SipServer;
import com.calldesk.sip.SipSettings;
import com.calldesk.sip.TestClock;
import com.calldesk.state.InMemoryExpiringCounters;
import com.calldesk.state.Throttle;

/** The registrar on a real JAIN-SIP stack on loopback, driven by hand-written SIP over UDP. */
class RegistrarTest {

	static final String USER = "ss2001000ss0001";

	static final String PASSWORD = "Seat0001Demo";

	static final String OVERLOAD_TEST = "overloadIsAnsweredAtOnceWith503AndRetryAfter";

	final TestClock clock = new TestClock();

	final InMemoryExpiringCounters counters = new InMemoryExpiringCounters(clock);

	final InMemoryLocations locations = new InMemoryLocations(clock);

	final CountDownLatch infoEntered = new CountDownLatch(2);

	final CountDownLatch releaseInfo = new CountDownLatch(1);

	SipServer server;

	KeepAlive keepAlive;

	int port;

	@BeforeEach
	void start(TestInfo test) throws Exception {
		port = FreePort.find();
		// admission control of two is what the overload test fills on purpose; anywhere else it would
		// answer 503 to a request sent while the handler of the one before is still on its way out
		int maxInFlight = test.getTestMethod().map(Method::getName).filter(OVERLOAD_TEST::equals).isPresent() ? 2 : 64;
		SeatAccounts accounts = username -> USER.equals(username)
				? Optional.of(new SeatAccount(1, "2001000", 11, USER, "calldesk", SipProbe.md5(USER + ":calldesk:" + PASSWORD)))
				: Optional.empty();
		Nonces nonces = new Nonces("secret".getBytes(), Duration.ofMinutes(5), counters, clock);
		Registrar.Policy policy = new Registrar.Policy("calldesk", 60, 3600, "node-a",
				new Throttle(counters, "sip-account", 5, Duration.ofMinutes(1), Duration.ofMinutes(5)),
				new Throttle(counters, "sip-source", 8, Duration.ofMinutes(1), Duration.ofMinutes(5)));
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 8, maxInFlight, 16384, 60, 3600, Duration.ofMinutes(5),
				Duration.ZERO);
		server = SipServer.start(settings, endpoint -> {
			keepAlive = new KeepAlive(endpoint, locations, RegistrationEvents.NONE, clock, Duration.ofSeconds(2), 2);
			return Map.of("REGISTER", new Registrar(endpoint, policy, accounts, nonces, locations, keepAlive, clock),
					"OPTIONS", new OptionsHandler(endpoint, "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO"),
					"INFO", (event, transaction) -> {
						infoEntered.countDown();
						releaseInfo.await(5, TimeUnit.SECONDS);
						event.getServerTransaction();
					});
		});
		server.onStatelessReply(keepAlive::onReply);
	}

	@AfterEach
	void stop() {
		releaseInfo.countDown();
		keepAlive.close();
		server.close();
	}

	@Test
	void aRegisterWithoutCredentialsIsChallengedWithMd5AndQopAuth() {
		try (SipProbe phone = new SipProbe(port)) {
			Message challenge = phone.register(USER, "127.0.0.1:" + phone.port(), 600, null);
			assertThat(challenge.status()).isEqualTo(401);
			assertThat(challenge.header("WWW-Authenticate")).startsWith("Digest").contains("realm=\"calldesk\"")
				.contains("qop=\"auth\"").contains("algorithm=MD5").doesNotContain("stale");
			assertThat(locations.of(USER)).isEmpty();
		}
	}

	@Test
	void theRightDigestRegistersThePhoneForTheGrantedTime() {
		try (SipProbe phone = new SipProbe(port)) {
			Message ok = phone.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + phone.port(), 600);
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.header("Contact")).contains("127.0.0.1:" + phone.port()).contains("expires=600");
			assertThat(locations.of(USER)).singleElement().satisfies(b -> {
				assertThat(b.tenantId()).isEqualTo(1);
				assertThat(b.seatId()).isEqualTo(11);
				assertThat(b.userAgent()).isEqualTo("CallDesk probe");
				assertThat(b.node()).isEqualTo("node-a");
			});
			clock.advance(Duration.ofSeconds(601));
			assertThat(locations.of(USER)).isEmpty();
		}
	}

	@Test
	void aPhoneBehindNatIsReachedAtTheAddressItsRegisterCameFrom() {
		try (SipProbe phone = new SipProbe(port)) {
			phone.registerWithPassword(USER, PASSWORD, "192.168.1.23:5060", 600);
			Binding binding = locations.of(USER).get(0);
			assertThat(binding.contact()).isEqualTo("sip:" + USER + "@192.168.1.23:5060");
			assertThat(binding.target()).isEqualTo("sip:" + USER + "@127.0.0.1:" + phone.port());
			assertThat(binding.source()).isEqualTo("127.0.0.1:" + phone.port());
		}
	}

	@Test
	void anUnknownAccountAndAWrongPasswordAreAnsweredExactlyAlike() {
		try (SipProbe phone = new SipProbe(port)) {
			Message unknownChallenge = phone.register("ss9999999ss0001", "127.0.0.1:" + phone.port(), 600, null);
			Message wrongChallenge = phone.register(USER, "127.0.0.1:" + phone.port(), 600, null);
			assertThat(shape(unknownChallenge)).isEqualTo(shape(wrongChallenge));
			Message unknown = phone.register("ss9999999ss0001", "127.0.0.1:" + phone.port(), 600,
					phone.digest(unknownChallenge, "ss9999999ss0001", PASSWORD, "REGISTER"));
			Message wrong = phone.register(USER, "127.0.0.1:" + phone.port(), 600, phone.digest(wrongChallenge, USER, "guess", "REGISTER"));
			assertThat(unknown.status()).isEqualTo(403);
			assertThat(shape(unknown)).isEqualTo(shape(wrong));
			assertThat(locations.of(USER)).isEmpty();
		}
	}

	@Test
	void aNonceWorksOnceAndExpires() {
		try (SipProbe phone = new SipProbe(port)) {
			Message challenge = phone.register(USER, "127.0.0.1:" + phone.port(), 600, null);
			String auth = phone.digest(challenge, USER, PASSWORD, "REGISTER");
			assertThat(phone.register(USER, "127.0.0.1:" + phone.port(), 600, auth).status()).isEqualTo(200);
			Message replay = phone.register(USER, "127.0.0.1:" + phone.port(), 600, auth);
			assertThat(replay.status()).isEqualTo(401);
			assertThat(replay.header("WWW-Authenticate")).contains("stale=true");

			Message fresh = phone.register(USER, "127.0.0.1:" + phone.port(), 600, null);
			clock.advance(Duration.ofMinutes(6));
			Message late = phone.register(USER, "127.0.0.1:" + phone.port(), 600, phone.digest(fresh, USER, PASSWORD, "REGISTER"));
			assertThat(late.status()).isEqualTo(401);
			assertThat(late.header("WWW-Authenticate")).contains("stale=true");
		}
	}

	@Test
	void aSeatMayRegisterSeveralPhonesAndEachCanLeave() {
		try (SipProbe desk = new SipProbe(port); SipProbe soft = new SipProbe(port)) {
			desk.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + desk.port(), 600);
			Message both = soft.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + soft.port(), 300);
			assertThat(both.all("Contact")).hasSize(2);
			assertThat(locations.of(USER)).hasSize(2);

			assertThat(soft.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + soft.port(), 0).status()).isEqualTo(200);
			assertThat(locations.of(USER)).singleElement().extracting(Binding::source).isEqualTo("127.0.0.1:" + desk.port());

			assertThat(desk.registerWithPassword(USER, PASSWORD, "*", 0).status()).isEqualTo(200);
			assertThat(locations.of(USER)).isEmpty();
		}
	}

	@Test
	void tooShortARegistrationIsRefusedWith423AndTheMinimum() {
		try (SipProbe phone = new SipProbe(port)) {
			Message brief = phone.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + phone.port(), 10);
			assertThat(brief.status()).isEqualTo(423);
			assertThat(brief.header("Min-Expires")).isEqualTo("60");
		}
	}

	@Test
	void anotherSeatsAddressOfRecordCannotBeRegistered() {
		try (SipProbe phone = new SipProbe(port)) {
			Message challenge = phone.register(USER, "127.0.0.1:" + phone.port(), 600, null);
			phone.sendRaw(phone.registerText(USER, "127.0.0.1:" + phone.port(), 600, phone.digest(challenge, USER, PASSWORD, "REGISTER"),
					"ss2001000ss0002"));
			assertThat(phone.await().status()).isEqualTo(403);
		}
	}

	@Test
	void repeatedFailuresLockTheAccountThenSilenceTheSource() {
		try (SipProbe attacker = new SipProbe(port)) {
			for (int i = 0; i < 5; i++) {
				Message challenge = attacker.register(USER, "127.0.0.1:" + attacker.port(), 600, null);
				assertThat(attacker.register(USER, "127.0.0.1:" + attacker.port(), 600, attacker.digest(challenge, USER, "guess" + i, "REGISTER"))
					.status()).isEqualTo(403);
			}
			Message challenge = attacker.register(USER, "127.0.0.1:" + attacker.port(), 600, null);
			assertThat(attacker.register(USER, "127.0.0.1:" + attacker.port(), 600, attacker.digest(challenge, USER, PASSWORD, "REGISTER"))
				.status()).as("locked even with the right password").isEqualTo(403);
			for (int i = 0; i < 2; i++) {
				Message c = attacker.register("ss0000000ss000" + i, "127.0.0.1:" + attacker.port(), 600, null);
				assertThat(attacker.register("ss0000000ss000" + i, "127.0.0.1:" + attacker.port(), 600,
						attacker.digest(c, "ss0000000ss000" + i, "x", "REGISTER")).status()).as("unknown account").isEqualTo(403);
			}
			attacker.timeout(700);
			attacker.sendRaw(attacker.registerText(USER, "127.0.0.1:" + attacker.port(), 600, null, USER));
			assertThat(attacker.receive()).as("blocked source gets no answer at all").isEmpty();
		}
	}

	@Test
	void aPhoneThatStopsAnsweringKeepAlivesIsRemoved() throws Exception {
		try (SipProbe alive = new SipProbe(port); SipProbe dead = new SipProbe(port)) {
			alive.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + alive.port(), 600);
			dead.registerWithPassword(USER, PASSWORD, "127.0.0.1:" + dead.port(), 600);
			for (int round = 0; round < 2; round++) {
				keepAlive.tick();
				Message ping = alive.await();
				assertThat(ping.isRequest("OPTIONS")).isTrue();
				alive.sendRaw(okFor(ping));
				assertThat(dead.await().isRequest("OPTIONS")).isTrue();
				awaitNoPendingFrom(1);
				clock.advance(Duration.ofSeconds(3));
			}
			keepAlive.tick();
			assertThat(locations.of(USER)).singleElement().extracting(Binding::source).isEqualTo("127.0.0.1:" + alive.port());
		}
	}

	@Test
	void overloadIsAnsweredAtOnceWith503AndRetryAfter() throws Exception {
		try (SipProbe busy = new SipProbe(port); SipProbe busier = new SipProbe(port); SipProbe next = new SipProbe(port)) {
			busy.sendRaw(request("INFO", busy.port()));
			busier.sendRaw(request("INFO", busier.port()));
			assertThat(infoEntered.await(5, TimeUnit.SECONDS)).isTrue();
			next.sendRaw(request("OPTIONS", next.port()));
			Message refused = next.await();
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isEqualTo("5");
			releaseInfo.countDown();
			// the two INFO handlers leave admission control on their own threads just after answering:
			// served again once they have, which must happen within a moment
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
			int status;
			do {
				next.sendRaw(request("OPTIONS", next.port()));
				status = next.await().status();
			}
			while (status == 503 && System.nanoTime() < deadline);
			assertThat(status).isEqualTo(200);
		}
	}

	private void awaitNoPendingFrom(int expectedPending) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		while (keepAlive.pendingPings() != expectedPending && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(keepAlive.pendingPings()).isEqualTo(expectedPending);
	}

	private String request(String method, int fromPort) {
		return method + " sip:127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:calldesk@127.0.0.1>\r\n"
				+ "Call-ID: " + System.nanoTime() + "@probe\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
	}

	private static String okFor(Message request) {
		StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
		for (String name : new String[] { "Via", "From", "To", "Call-ID", "CSeq" }) {
			ok.append(name).append(": ").append(request.header(name)).append("\r\n");
		}
		return ok.append("Content-Length: 0\r\n\r\n").toString();
	}

	/** What an observer can compare between two answers: status, and header names except per-request ones. */
	private static String shape(Message message) {
		Set<String> names = new HashSet<>();
		message.headers().forEach(h -> names.add(h[0].toLowerCase()));
		String auth = message.header("WWW-Authenticate");
		return message.firstLine() + " " + new java.util.TreeSet<>(names)
				+ (auth == null ? "" : auth.replaceAll("nonce=\"[^\"]*\"", "nonce=_"));
	}
}
