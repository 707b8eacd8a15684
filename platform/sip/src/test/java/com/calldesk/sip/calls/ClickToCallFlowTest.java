package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * Click-to-call (F9): the agent's phone first, asked to answer by itself, then the customer through
 * the gateway with the phone's answer as the offer; either side's refusal or hang-up ends the other.
 */
class ClickToCallFlowTest {

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	private OutboundRouting.Route via(SipProbe gateway) {
		return new OutboundRouting.Route("+8613800138000", "13800138000", "127.0.0.1", gateway.port(), "UDP", 9, 2,
				List.of(new OutboundRouting.DisplayNumberChoice(3, "+861062345679", "01062345679", 1),
						new OutboundRouting.DisplayNumberChoice(4, "+862155550000", "02155550000", 1)), null, null);
	}

	private String dial(Long displayNumberId) {
		return flow.b2bua.clickToCall(new ClickToCall(1, "2001000", "seat1", "13800138000", displayNumberId));
	}

	@Test
	void thePhoneAnswersByItselfThenTheCustomerIsCalledAndBridged() {
		try (SipProbe phone = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			flow.outboundRoute = via(gateway);
			String callId = dial(null);

			Message toPhone = phone.await();
			assertThat(toPhone.isRequest("INVITE")).isTrue();
			assertThat(toPhone.header("Call-Info")).contains("answer-after=0");
			assertThat(toPhone.header("From")).as("the phone shows whom it is calling").contains("+8613800138000");
			assertThat(toPhone.body()).contains("o=relay-to-AGENT");
			assertThat(flow.channels.inUse("gateway:9")).isEqualTo(1);

			phone.sendRaw(answer(phone, toPhone, 200, SDP));
			assertThat(phone.await().isRequest("ACK")).isTrue();
			Message toCustomer = gateway.await();
			assertThat(toCustomer.firstLine()).startsWith("INVITE sip:13800138000@127.0.0.1");
			assertThat(toCustomer.header("From")).contains("01062345679");
			assertThat(toCustomer.body()).as("the phone's answer is the customer's offer").isEqualTo(SDP);

			gateway.sendRaw(answer(gateway, toCustomer, 180, null));
			flow.awaitUntil("ringing", () -> flow.observed.contains("ringing"));
			gateway.sendRaw(answer(gateway, toCustomer, 200, SDP));
			assertThat(gateway.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
			CallSnapshot call = flow.onlyCall().snapshot();
			assertThat(call.callId()).isEqualTo(callId);
			assertThat(call.direction()).isEqualTo("OUTBOUND");
			assertThat(call.seat()).isEqualTo("seat1");
			assertThat(call.customerNumber()).isEqualTo("+8613800138000");
			assertThat(call.displayNumber()).isEqualTo("+861062345679");
			assertThat(flow.active.onCall("seat1")).isTrue();

			phone.sendRaw(flow.inDialogWith(phone, CallFlowHarness.phoneSide(toPhone), "BYE", 2, null));
			assertThat(phone.await().status()).isEqualTo(200);
			assertThat(gateway.await().isRequest("BYE")).isTrue();
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:AGENT:agent-hangup"));
			assertThat(flow.channels.inUse("gateway:9") + flow.channels.inUse("display:3")).isZero();
		}
	}

	@Test
	void theAgentsPickOfDisplayNumberIsShown() {
		try (SipProbe phone = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			flow.outboundRoute = via(gateway);
			dial(4L);
			Message toPhone = phone.await();
			phone.sendRaw(answer(phone, toPhone, 200, SDP));
			phone.await();
			assertThat(gateway.await().header("From")).contains("02155550000");
			assertThatThrownBy(() -> flow.b2bua.clickToCall(new ClickToCall(1, "2001000", "seat2", "13800138000", 99L)))
				.isInstanceOf(ClickToCallRefused.class);
		}
	}

	@Test
	void aBusyCustomerEndsTheCallAndTheAgentIsHungUp() {
		try (SipProbe phone = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			flow.outboundRoute = via(gateway);
			dial(null);
			Message toPhone = phone.await();
			phone.sendRaw(answer(phone, toPhone, 200, SDP));
			phone.await();
			Message toCustomer = gateway.await();
			gateway.sendRaw(answer(gateway, toCustomer, 486, null));

			assertThat(phone.await().isRequest("BYE")).isTrue();
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:CUSTOMER:customer-busy"));
			assertThat(flow.channels.inUse("gateway:9")).isZero();
			assertThat(flow.active.onCall("seat1")).isFalse();
		}
	}

	@Test
	void anAgentWhoDeclinesNeverReachesTheCustomer() {
		try (SipProbe phone = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			flow.outboundRoute = via(gateway);
			dial(null);
			Message toPhone = phone.await();
			phone.sendRaw(answer(phone, toPhone, 486, null));

			flow.awaitUntil("ended", () -> flow.observed.contains("ended:AGENT:agent-busy"));
			gateway.timeout(300);
			assertThat(gateway.receive()).as("the customer is never called").isEmpty();
			assertThat(flow.channels.inUse("gateway:9") + flow.channels.inUse("display:3")).isZero();
		}
	}

	@Test
	void noPhoneNoRouteOrAnotherCallIsRefusedAtOnceWithNothingHeld() {
		flow.outboundRoute = new OutboundRouting.Refused(402, "no-balance");
		assertThatThrownBy(() -> dial(null)).isInstanceOf(ClickToCallRefused.class).hasMessage("phone-offline");
		try (SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			assertThatThrownBy(() -> dial(null)).isInstanceOf(ClickToCallRefused.class).hasMessage("no-balance");
		}
		assertThat(flow.active.size()).isZero();
	}
}
