package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * An INVITE without SDP (late offer, as some carriers and gateways send): the relay offers to the
 * phone, the phone's answer is our offer to the carrier, the carrier's ACK answers it.
 */
class LateOfferFlowTest {

	static final String CARRIER_ANSWER = SDP.replace("o=- 1 1", "o=carrier-answer 1 1");

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
	void theRelayOffersToThePhoneAndTheCarriersAckCarriesTheAnswer() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.inviteWith(carrier, "4008001234", null));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message offered = phone.await();
			assertThat(offered.isRequest("INVITE")).isTrue();
			assertThat(offered.body()).contains("o=relay-to-AGENT");

			phone.sendRaw(answer(phone, offered, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(ok.body()).as("the phone's answer, rewritten, is the offer to the carrier").isEqualTo(SDP);
			assertThat(phone.await().isRequest("ACK")).isTrue();

			carrier.sendRaw(ackWith(carrier, ok, CARRIER_ANSWER));
			flow.awaitUntil("the ACK's answer reaches the relay", () -> flow.relayedOffers.contains(CARRIER_ANSWER));
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
			assertThat(flow.observed).containsExactly("offered", "ringing", "answered");
		}
	}

	@Test
	void anAckWithoutTheAnswerEndsTheCallOnBothLegs() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.inviteWith(carrier, "4008001234", null));
			carrier.await();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 200, SDP));
			Message ok = carrier.await();
			phone.await();

			carrier.sendRaw(ackWith(carrier, ok, null));
			assertThat(phone.await().isRequest("BYE")).isTrue();
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.observed).contains("ended:SYSTEM:no-sdp-answer");
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	private String ackWith(SipProbe carrier, Message ok, String sdp) {
		return flow.inDialogWith(carrier, ok, "ACK", 1, sdp);
	}
}
