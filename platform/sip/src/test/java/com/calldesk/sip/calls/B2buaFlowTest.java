package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/** Caller, CallDesk and callee in one JVM on loopback: the B2BUA's call flows message by message. */
class B2buaFlowTest {

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	@Test
	void anAnsweredCallIsBridgedAndEitherByeEndsBothLegs() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);

			Message offered = phone.await();
			assertThat(offered.isRequest("INVITE")).isTrue();
			assertThat(offered.header("From")).contains("13900001111");
			assertThat(flow.relayedOffers).hasSize(1);
			phone.sendRaw(answer(phone, offered, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);
			phone.sendRaw(answer(phone, offered, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
			assertThat(phone.await().isRequest("ACK")).isTrue();
			assertThat(flow.channels.inUse("trunk:7")).isEqualTo(1);

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			Message bye = phone.await();
			assertThat(bye.isRequest("BYE")).isTrue();
			assertThat(carrier.await().status()).isEqualTo(200);
			phone.sendRaw(answer(phone, bye, 200, null));
			assertThat(flow.observed).containsExactly("offered", "ringing", "answered", "ended:CUSTOMER:customer-hangup");
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aBusyPhoneIsReportedToTheAcdAndWithNobodyElseTheCustomerGets480() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 486, null));
			assertThat(phone.await().isRequest("ACK")).as("the stack ACKs the phone's 486").isTrue();
			assertThat(carrier.await().status()).isEqualTo(480);
			assertThat(flow.observed).containsExactly("offered", "ended:SYSTEM:no-agent");
			assertThat(flow.acd).containsExactly("ring:seat1", "not-answered:seat1:busy", "overflow", "ended");
		}
	}

	/** RFC 3261 §13.3.1.4: a 2xx retransmitted for 64×T1 (32 s) without an ACK ends the dialog with a BYE. */
	@Test
	void aCallerThatNeverAcknowledgesOur200IsHungUpOnBothSides() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 200, SDP));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(phone.await().isRequest("ACK")).isTrue();

			Message bye = awaitRequest(phone, "BYE", java.time.Duration.ofSeconds(40));
			phone.sendRaw(answer(phone, bye, 200, null));
			assertThat(flow.observed).contains("ended:SYSTEM:no-ack");
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	/** Skips what else arrives (the 200's retransmissions to the carrier do not come here) until {@code method}. */
	private static Message awaitRequest(SipProbe probe, String method, java.time.Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			java.util.Optional<Message> message = probe.receive();
			if (message.isPresent() && message.get().isRequest(method)) {
				return message.get();
			}
		}
		throw new AssertionError("no " + method + " within " + within);
	}

	/** F12: a channel is a two-minute lease its node renews every 30 s; when the node stops renewing, it lapses. */
	@Test
	void aLiveCallKeepsRenewingItsChannelAndAChannelNobodyRenewsLapses() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, phone, new String[0]);
			for (int i = 0; i < 8; i++) {
				flow.sweepAfter(java.time.Duration.ofSeconds(30));
			}
			assertThat(flow.channels.inUse("trunk:7")).as("four minutes into the call").isEqualTo(1);
			flow.clock.advance(java.time.Duration.ofSeconds(121));
			assertThat(flow.channels.inUse("trunk:7")).as("as if the node died: nobody renewed it").isZero();
		}
	}

	@Test
	void withoutARegisteredPhoneTheCallIsRefusedAt480AndTheChannelReturns() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			assertThat(carrier.await().status()).isEqualTo(480);
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aNumberWithoutARouteIs404AndNothingIsObserved() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "01099990000"));
			assertThat(carrier.await().status()).isEqualTo(404);
			assertThat(flow.observed).isEmpty();
		}
	}
}
