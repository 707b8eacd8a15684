package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * Consult (F10): the customer hears music while the agent talks to another seat through a relay
 * session of its own (the agent's phone moved there by re-INVITE); then consult-transfer moves the
 * other seat onto the customer, cancel moves the agent back; the agent hanging up hands the customer over.
 */
class ConsultFlowTest {

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	/** Customer and seat1 talking, seat1 consulting seat2 until both talk; returns [customer's 200, seat1's INVITE, seat2's INVITE]. */
	private Message[] consulting(SipProbe carrier, SipProbe first, SipProbe second) {
		flow.registerPhone(first);
		carrier.sendRaw(flow.invite(carrier, "4008001234"));
		carrier.await();
		Message toFirst = first.await();
		first.sendRaw(answer(first, toFirst, 200, SDP));
		Message ok = carrier.await();
		first.await();
		flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
		flow.registerPhone(second, "seat2");
		flow.idleForTransfer.add("seat2");
		String callId = flow.onlyCall().id();

		flow.b2bua.consult(1, callId, "seat2");
		assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC);
		Message toSecond = second.await();
		assertThat(toSecond.body()).as("offered what the customer speaks, on the consultation's own relay").contains(callId + "-consult-to-AGENT");
		second.sendRaw(answer(second, toSecond, 180, null));
		second.sendRaw(answer(second, toSecond, 200, SDP));
		assertThat(second.await().isRequest("ACK")).isTrue();
		Message move = first.await();
		assertThat(move.isRequest("INVITE")).as("the agent's phone moves onto the consultation").isTrue();
		assertThat(move.body()).contains(callId + "-consult-to-CUSTOMER");
		first.sendRaw(answer(first, move, 200, SDP));
		assertThat(first.await().isRequest("ACK")).isTrue();
		return new Message[] { ok, toFirst, toSecond };
	}

	@Test
	void consultThenTransferHandsTheCustomerToTheConsultedSeat() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message[] call = consulting(carrier, first, second);
			String callId = flow.onlyCall().id();
			flow.awaitUntil("talking", () -> flow.onlyCall().consult != null && flow.onlyCall().consult.phase == Consult.Phase.TALKING);

			flow.b2bua.completeConsult(1, callId);
			Message move = second.await();
			assertThat(move.isRequest("INVITE")).as("the consulted phone moves onto the customer's relay").isTrue();
			assertThat(move.body()).contains(callId + "-to-AGENT");
			second.sendRaw(answer(second, move, 200, SDP));
			assertThat(second.await().isRequest("ACK")).isTrue();
			assertThat(first.await().isRequest("BYE")).as("the consulting agent is let go").isTrue();
			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:seat2"));
			assertThat(flow.prompts).endsWith("stop");
			assertThat(flow.onlyCall().snapshot().agentLegs()).extracting(PartyLeg::party).containsExactly("seat1", "seat2");

			carrier.sendRaw(flow.inDialog(carrier, call[0], "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(second.await().isRequest("BYE")).as("the customer's hang-up reaches the new agent").isTrue();
		}
	}

	@Test
	void cancellingTheConsultationTakesTheAgentBackToTheCustomer() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			consulting(carrier, first, second);
			String callId = flow.onlyCall().id();
			flow.awaitUntil("talking", () -> flow.onlyCall().consult != null && flow.onlyCall().consult.phase == Consult.Phase.TALKING);

			flow.b2bua.cancelConsult(1, callId);
			assertThat(second.await().isRequest("BYE")).isTrue();
			Message back = first.await();
			assertThat(back.isRequest("INVITE")).isTrue();
			assertThat(back.body()).as("back onto the customer's relay").contains(callId + "-to-AGENT");
			first.sendRaw(answer(first, back, 200, SDP));
			assertThat(first.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("consultation over", () -> flow.onlyCall().consult == null);
			assertThat(flow.prompts).endsWith("stop");
			assertThat(flow.onlyCall().snapshot().seat()).isEqualTo("seat1");
			assertThat(flow.acd).contains("answered:seat2");
		}
	}

	@Test
	void aBusyConsultedSeatLeavesTheAgentWithTheCustomer() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.registerPhone(first);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message toFirst = first.await();
			first.sendRaw(answer(first, toFirst, 200, SDP));
			carrier.await();
			first.await();
			flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
			flow.registerPhone(second, "seat2");
			String callId = flow.onlyCall().id();
			assertThatThrownBy(() -> flow.b2bua.consult(1, callId, "seat2")).hasMessage("agent-busy");

			flow.idleForTransfer.add("seat2");
			flow.b2bua.consult(1, callId, "seat2");
			Message toSecond = second.await();
			second.sendRaw(answer(second, toSecond, 486, null));
			flow.awaitUntil("consultation over", () -> flow.onlyCall().consult == null);
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC, "stop");
			assertThat(flow.acd).contains("not-answered:seat2:busy");
			first.timeout(300);
			assertThat(first.receive()).as("the agent's phone was never moved").isEmpty();
			assertThatThrownBy(() -> flow.b2bua.completeConsult(1, callId)).hasMessage("consult-not-ready");
		}
	}

	@Test
	void theAgentHangingUpWhileConsultingHandsTheCustomerOver() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message[] call = consulting(carrier, first, second);
			flow.awaitUntil("talking", () -> flow.onlyCall().consult != null && flow.onlyCall().consult.phase == Consult.Phase.TALKING);

			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(call[1]), "BYE", 3));
			assertThat(first.await().status()).isEqualTo(200);
			Message move = second.await();
			assertThat(move.isRequest("INVITE")).isTrue();
			second.sendRaw(answer(second, move, 200, SDP));
			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:seat2"));
			assertThat(flow.onlyCall().state()).isEqualTo(CallState.ANSWERED);
		}
	}
}
