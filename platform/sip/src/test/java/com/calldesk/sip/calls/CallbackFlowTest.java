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
 * A customer calling one of a tenant's display numbers back (F13): with callback bought the call
 * goes to the ACD like a call to a trunk number, on the display number's channels; without it the
 * caller hears why and no seat is asked.
 */
class CallbackFlowTest {

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
	void aCallbackRingsASeatOnTheDisplayNumbersChannelAndKeepsTheDisplayNumber() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, CallFlowHarness.CALLBACK));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message offered = phone.await();
			assertThat(offered.isRequest("INVITE")).isTrue();
			assertThat(flow.onlyCall().snapshot()).satisfies(call -> {
				assertThat(call.direction()).isEqualTo("INBOUND");
				assertThat(call.displayNumber()).isEqualTo("+862158886666");
				assertThat(call.dialledNumber()).isEqualTo(CallFlowHarness.CALLBACK);
				assertThat(call.trunkNumberId()).isNull();
			});
			assertThat(flow.channels.inUse("display:9")).as("the outbound calls' key of the same number").isEqualTo(1);

			phone.sendRaw(answer(phone, offered, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(phone.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
			assertThat(flow.acd).containsSubsequence("ring:seat1", "answered:seat1");

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			Message bye = phone.await();
			assertThat(carrier.await().status()).isEqualTo(200);
			phone.sendRaw(answer(phone, bye, 200, null));
			assertThat(flow.channels.inUse("display:9")).isZero();
		}
	}

	@Test
	void withoutCallbackTheCallerHearsThePromptThenByeAndNoSeatIsAsked() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, CallFlowHarness.CALLBACK_REFUSED));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message ok = carrier.await();
			assertThat(ok.status()).as("CallDesk answers to play the prompt").isEqualTo(200);
			// the 200 goes out just before the prompt starts, on the stack's thread
			flow.awaitUntil("the prompt plays", () -> !flow.prompts.isEmpty());
			assertThat(flow.prompts).containsExactly("callback-unavailable");
			flow.playing.complete(null);
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.observed).contains("ended:SYSTEM:callback-disabled");
			assertThat(flow.acd).as("the ACD only hears the end").containsExactly("ended");
			assertThat(flow.channels.inUse("display:10")).isZero();
		}
	}

	@Test
	void withoutCallbackAndWithoutARelayTheCallerGets480WithAReason() {
		flow.noRelay = true;
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, CallFlowHarness.CALLBACK_REFUSED));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message refused = carrier.await();
			assertThat(refused.status()).isEqualTo(480);
			assertThat(refused.header("Reason")).contains("cause=480").contains("callback-disabled");
			assertThat(flow.observed).contains("ended:SYSTEM:callback-disabled");
			assertThat(flow.acd).containsExactly("ended");
		}
	}
}
