package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/** Ring-all (F7): every free phone rings at once, the first to answer takes the call, the others stop ringing. */
class RingAllFlowTest {

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
		flow.seats.add("seat2");
		flow.ringAll = true;
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	@Test
	void theFirstPhoneToAnswerTakesTheCallAndTheOtherIsCancelledWithoutANoAnswer() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.registerPhone(first);
			flow.registerPhone(second, "seat2");
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message toFirst = first.await();
			Message toSecond = second.await();
			assertThat(toFirst.isRequest("INVITE") && toSecond.isRequest("INVITE")).as("both ring at once").isTrue();

			first.sendRaw(answer(first, toFirst, 180, null));
			assertThat(carrier.await().status()).as("the customer hears ringing once").isEqualTo(180);
			second.sendRaw(answer(second, toSecond, 180, null));
			second.sendRaw(answer(second, toSecond, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(second.await().isRequest("ACK")).isTrue();
			Message cancel = first.await();
			assertThat(cancel.isRequest("CANCEL")).isTrue();
			first.sendRaw(answer(first, cancel, 200, null));
			first.sendRaw(answer(first, toFirst, 487, null));

			flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
			assertThat(flow.onlyCall().snapshot().seat()).isEqualTo("seat2");
			assertThat(flow.acd).contains("ring-all:seat1,seat2", "released:seat1", "answered:seat2").noneMatch(s -> s.startsWith("not-answered"));
			assertThat(flow.active.onCall("seat2")).isTrue();
			assertThat(flow.active.onCall("seat1")).isFalse();
		}
	}

	@Test
	void whenEveryPhoneRefusesTheAcdDecidesAgain() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message[] rung = ringBoth(carrier, first, second);
			Message toFirst = rung[0];
			Message toSecond = rung[1];
			first.sendRaw(answer(first, toFirst, 486, null));
			second.sendRaw(answer(second, toSecond, 603, null));

			assertThat(carrier.await().status()).as("nobody else: the scripted ACD overflows").isEqualTo(480);
			assertThat(flow.acd).containsSubsequence("ring-all:seat1,seat2", "overflow");
			assertThat(flow.acd).contains("not-answered:seat1:busy", "not-answered:seat2:busy");
		}
	}

	@Test
	void phonesRingingPastTheRingTimeoutAreAllCancelledAndCountAsNotAnswering() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message[] rung = ringBoth(carrier, first, second);
			Message toFirst = rung[0];
			Message toSecond = rung[1];
			first.sendRaw(answer(first, toFirst, 180, null));
			second.sendRaw(answer(second, toSecond, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);

			flow.sweepAfter(Duration.ofSeconds(21));
			assertThat(first.await().isRequest("CANCEL")).isTrue();
			assertThat(second.await().isRequest("CANCEL")).isTrue();
			assertThat(flow.acd).contains("not-answered:seat1:no-answer", "not-answered:seat2:no-answer");
		}
	}

	@Test
	void aCustomerHangingUpStopsEveryPhone() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.registerPhone(first);
			flow.registerPhone(second, "seat2");
			String invite = flow.invite(carrier, "4008001234");
			carrier.sendRaw(invite);
			carrier.await();
			Message toFirst = first.await();
			Message toSecond = second.await();
			first.sendRaw(answer(first, toFirst, 180, null));
			second.sendRaw(answer(second, toSecond, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);

			carrier.sendRaw(invite.replace("INVITE sip:", "CANCEL sip:").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
				.replaceAll("Content-Type: application/sdp\r\nContent-Length: \\d+\r\n\r\n(?s).*", "Content-Length: 0\r\n\r\n"));
			assertThat(first.await().isRequest("CANCEL")).isTrue();
			assertThat(second.await().isRequest("CANCEL")).isTrue();
			flow.awaitUntil("ended", () -> flow.observed.stream().anyMatch(s -> s.startsWith("ended")));
			assertThat(flow.acd).contains("released:seat1", "released:seat2");
		}
	}

	/** Both seats' phones registered, the customer's call in, and the INVITE each phone got. */
	private Message[] ringBoth(SipProbe carrier, SipProbe first, SipProbe second) {
		flow.registerPhone(first);
		flow.registerPhone(second, "seat2");
		carrier.sendRaw(flow.invite(carrier, "4008001234"));
		carrier.await();
		return new Message[] { first.await(), second.await() };
	}
}
