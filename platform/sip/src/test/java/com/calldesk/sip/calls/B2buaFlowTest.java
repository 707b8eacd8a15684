package com.calldesk.sip.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.FreePort;
import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;
import com.calldesk.sip.SipServer;
import com.calldesk.sip.SipSettings;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.InMemoryLocations;
import com.calldesk.sip.registrar.Nonces;
import com.calldesk.sip.registrar.Registrar;
import com.calldesk.sip.registrar.SeatAuthentication;
import com.calldesk.state.InMemoryChannelCounter;
import com.calldesk.state.InMemoryExpiringCounters;
import com.calldesk.state.Throttle;

/** Caller, CallDesk and callee in one JVM on loopback: the B2BUA's call flows message by message. */
class B2buaFlowTest {

	static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

	final InMemoryLocations locations = new InMemoryLocations(Clock.systemUTC());

	final InMemoryChannelCounter channels = new InMemoryChannelCounter();

	final List<String> observed = new CopyOnWriteArrayList<>();

	final List<String> relayedOffers = new CopyOnWriteArrayList<>();

	final InMemoryExpiringCounters counters = new InMemoryExpiringCounters(Clock.systemUTC());

	SipServer server;

	int port;

	@BeforeEach
	void start() throws Exception {
		port = FreePort.find();
		TrunkDirectory trunks = new TrunkDirectory() {
			@Override
			public boolean isTrunkAddress(String address) {
				return "127.0.0.1".equals(address);
			}

			@Override
			public Optional<InboundRoute> inboundRoute(String number) {
				return "4008001234".equals(number) ? Optional.of(new InboundRoute(1, "2001000", 7, "+861062345678", 5)) : Optional.empty();
			}
		};
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 8, 100, 16384, 60, 3600,
				Duration.ofMinutes(5), Duration.ZERO);
		server = SipServer.start(settings, endpoint -> {
			B2bua b2bua = new B2bua(endpoint, trunks, (tenant, reachable) -> Optional.of("seat1").filter(reachable), locations, channels,
					new RecordingMedia(), new Observer(), new ActiveCalls(), "node-a", Clock.systemUTC());
			SeatAuthentication seats = new SeatAuthentication(endpoint, new Registrar.Policy("calldesk", 60, 3600, "node-a",
					new Throttle(counters, "a", 5, Duration.ofMinutes(1), Duration.ofMinutes(1)),
					new Throttle(counters, "s", 5, Duration.ofMinutes(1), Duration.ofMinutes(1))), username -> Optional.empty(),
					new Nonces("k".getBytes(), Duration.ofMinutes(5), counters, Clock.systemUTC()));
			return new HashMap<String, RequestHandler>(CallHandlers.of(endpoint, b2bua, seats,
					(tenant, dialled) -> new OutboundRouting.Refused(403, "test")));
		});
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void anAnsweredCallIsBridgedAndEitherByeEndsBothLegs() {
		try (SipProbe carrier = new SipProbe(port); SipProbe phone = new SipProbe(port)) {
			registerPhone(phone);
			carrier.sendRaw(invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);

			Message offered = phone.await();
			assertThat(offered.isRequest("INVITE")).isTrue();
			assertThat(offered.header("From")).contains("13900001111");
			assertThat(relayedOffers).hasSize(1);
			phone.sendRaw(answer(phone, offered, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);
			phone.sendRaw(answer(phone, offered, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
			assertThat(phone.await().isRequest("ACK")).isTrue();
			assertThat(channels.inUse("trunk:7")).isEqualTo(1);

			carrier.sendRaw(inDialog(carrier, ok, "BYE", 2));
			Message bye = phone.await();
			assertThat(bye.isRequest("BYE")).isTrue();
			assertThat(carrier.await().status()).isEqualTo(200);
			phone.sendRaw(answer(phone, bye, 200, null));
			assertThat(observed).containsExactly("offered", "ringing", "answered", "ended:CUSTOMER:customer-hangup");
			assertThat(channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aBusyPhoneMakesTheCustomerHearBusy() {
		try (SipProbe carrier = new SipProbe(port); SipProbe phone = new SipProbe(port)) {
			registerPhone(phone);
			carrier.sendRaw(invite(carrier, "4008001234"));
			carrier.await();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 486, null));
			assertThat(phone.await().isRequest("ACK")).as("the stack ACKs the phone's 486").isTrue();
			assertThat(carrier.await().status()).isEqualTo(486);
			assertThat(observed).containsExactly("offered", "ended:AGENT:agent-busy");
		}
	}

	@Test
	void withoutARegisteredPhoneTheCallIsRefusedAt480AndTheChannelReturns() {
		try (SipProbe carrier = new SipProbe(port)) {
			carrier.sendRaw(invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			assertThat(carrier.await().status()).isEqualTo(480);
			assertThat(channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aNumberWithoutARouteIs404AndNothingIsObserved() {
		try (SipProbe carrier = new SipProbe(port)) {
			carrier.sendRaw(invite(carrier, "01099990000"));
			assertThat(carrier.await().status()).isEqualTo(404);
			assertThat(observed).isEmpty();
		}
	}

	private void registerPhone(SipProbe phone) {
		String contact = "sip:seat1@127.0.0.1:" + phone.port();
		locations.put(new Binding("seat1", 1, 11, contact, contact, "127.0.0.1:" + phone.port(), "UDP", Instant.now().plusSeconds(300),
				"reg", 1, "probe", "node-a"));
	}

	private String invite(SipProbe carrier, String number) {
		return "INVITE sip:" + number + "@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + carrier.port() + ";branch=z9hG4bKinv" + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:13900001111@127.0.0.1>;tag=carrier\r\nTo: <sip:" + number + "@127.0.0.1>\r\n"
				+ "Call-ID: call-" + System.nanoTime() + "@carrier\r\nCSeq: 1 INVITE\r\n"
				+ "Contact: <sip:carrier@127.0.0.1:" + carrier.port() + ">\r\nContent-Type: application/sdp\r\n"
				+ "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
	}

	private String inDialog(SipProbe carrier, Message ok, String method, int cseq) {
		return method + " sip:calldesk@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + carrier.port() + ";branch=z9hG4bK" + method + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: " + ok.header("From") + "\r\nTo: " + ok.header("To") + "\r\n"
				+ "Call-ID: " + ok.header("Call-ID") + "\r\nCSeq: " + cseq + " " + method + "\r\nContent-Length: 0\r\n\r\n";
	}

	/** A phone's answer; its Contact is the phone's own port, so in-dialog requests come back to it. */
	private static String answer(SipProbe phone, Message request, int status, String sdp) {
		StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n");
		for (String via : request.all("Via")) {
			response.append("Via: ").append(via).append("\r\n");
		}
		String to = request.header("To");
		response.append("From: ").append(request.header("From")).append("\r\n")
			.append("To: ").append(to.contains("tag=") ? to : to + ";tag=phone").append("\r\n")
			.append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
			.append("CSeq: ").append(request.header("CSeq")).append("\r\n")
			.append("Contact: <sip:seat1@127.0.0.1:").append(phone.port()).append(">\r\n");
		if (sdp != null) {
			response.append("Content-Type: application/sdp\r\nContent-Length: ").append(sdp.length()).append("\r\n\r\n").append(sdp);
		}
		else {
			response.append("Content-Length: 0\r\n\r\n");
		}
		return response.toString();
	}

	private final class Observer implements CallObserver {

		@Override
		public void offered(CallSnapshot call) {
			observed.add("offered");
		}

		@Override
		public void ringing(CallSnapshot call) {
			observed.add("ringing");
		}

		@Override
		public void answered(CallSnapshot call) {
			observed.add("answered");
		}

		@Override
		public void ended(CallSnapshot call) {
			observed.add("ended:" + call.endedBy() + ":" + call.endReason());
		}
	}

	private final class RecordingMedia implements MediaAnchor {

		@Override
		public Session open(String callId, String tenantCode) {
			return new Session() {
				@Override
				public String toAgent(String customerSdp) {
					relayedOffers.add(customerSdp);
					return customerSdp;
				}

				@Override
				public String toCustomer(String agentSdp) {
					return agentSdp;
				}

				@Override
				public boolean timedOut() {
					return false;
				}

				@Override
				public Path recording() {
					return null;
				}

				@Override
				public void close() {
				}
			};
		}
	}

}
