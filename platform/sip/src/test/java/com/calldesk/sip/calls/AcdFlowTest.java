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

/**
 * The B2BUA doing what the ACD says (a scripted one here): ring the next seat when a phone does not
 * answer in time, answer the customer and play hold music while nobody is free, ring a seat when the
 * queue offers the call and bridge it, overflow with a prompt.
 */
class AcdFlowTest {

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
	void aPhoneRingingPastTheRingTimeoutIsCancelledAndTheNextSeatRings() {
		flow.seats.add("seat2");
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.registerPhone(first);
			flow.registerPhone(second, "seat2");
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message offered = first.await();
			first.sendRaw(answer(first, offered, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);

			flow.sweepAfter(Duration.ofSeconds(21));
			Message cancel = first.await();
			assertThat(cancel.isRequest("CANCEL")).isTrue();
			first.sendRaw(answer(first, cancel, 200, null));
			first.sendRaw(answer(first, offered, 487, null));

			Message next = second.await();
			assertThat(next.isRequest("INVITE")).isTrue();
			second.sendRaw(answer(second, next, 200, SDP));
			assertThat(carrier.await().status()).isEqualTo(200);
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
			assertThat(flow.acd).containsSubsequence("ring:seat1", "not-answered:seat1:no-answer", "ring:seat2", "answered:seat2");
		}
	}

	@Test
	void withNobodyFreeTheCustomerIsAnsweredWithHoldMusicAndAnOfferFromTheQueueBridgesTheAgent() {
		flow.seats.clear();
		flow.queueWhenNobody = true;
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message ok = carrier.await();
			assertThat(ok.status()).as("CallDesk answers the waiting customer itself").isEqualTo(200);
			assertThat(ok.body()).contains("o=relay-answer");
			flow.awaitUntil("queued", () -> flow.acd.contains("queued"));
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC);
			assertThat(flow.observed).containsExactly("offered", "queued");

			flow.registerPhone(phone);
			assertThat(flow.b2bua.queuedCalls().offer(flow.onlyCall().id(), "seat1")).isTrue();
			Message offered = phone.await();
			assertThat(offered.body()).as("the agent is offered the relay's own SDP").contains("o=relay-to-AGENT");
			phone.sendRaw(answer(phone, offered, 200, SDP));
			assertThat(phone.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC, "stop");
			assertThat(flow.acd).endsWith("answered:seat1");
			assertThat(flow.onlyCall().state()).isEqualTo(CallState.ANSWERED);
		}
	}

	@Test
	void anOverflowedCallHearsItsPromptThenIsHungUp() {
		flow.seats.clear();
		flow.queueWhenNobody = true;
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			carrier.await();
			flow.awaitUntil("queued", () -> flow.acd.contains("queued"));

			assertThat(flow.b2bua.queuedCalls().overflow(flow.onlyCall().id(), new CallDistribution.Overflow("max-wait", "wait-too-long"))).isTrue();
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC, "wait-too-long");
			flow.playing.complete(null);
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.observed).contains("ended:SYSTEM:max-wait");
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aCustomerHangingUpInTheQueueLeavesIt() {
		flow.seats.clear();
		flow.queueWhenNobody = true;
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message ok = carrier.await();
			flow.awaitUntil("queued", () -> flow.acd.contains("queued"));
			String callId = flow.onlyCall().id();

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			flow.awaitUntil("the end is observed", () -> flow.acd.contains("ended"));
			assertThat(flow.observed).containsExactly("offered", "queued", "ended:CUSTOMER:customer-hangup");
			assertThat(flow.acd).endsWith("ended");
			assertThat(flow.b2bua.queuedCalls().offer(callId, "seat1")).as("a call gone cannot be offered").isFalse();
			// the ACD hears of the end before the call leaves the active calls
			flow.awaitUntil("the call leaves the active calls", () -> flow.active.snapshots().isEmpty());
		}
	}
}
