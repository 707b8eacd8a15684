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
 * Blind transfer (F10) of an answered inbound call: to an idle seat, refused for a busy one with the
 * call untouched, back to the queue when the new phone refuses, and to a number through the gateway.
 */
class TransferFlowTest {

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
	void theCustomerHearsMusicWhileTheNextAgentRingsAndTalksToThemAfter() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, first, new String[0]);
			String callId = flow.onlyCall().id();
			flow.registerPhone(second, "seat2");
			flow.idleForTransfer.add("seat2");

			flow.b2bua.transfer(1, callId, TransferTarget.seat("seat2"));
			assertThat(first.await().isRequest("BYE")).as("the first agent is let go").isTrue();
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC);
			Message offered = second.await();
			assertThat(offered.isRequest("INVITE")).isTrue();
			assertThat(offered.body()).contains("o=relay-to-AGENT");
			second.sendRaw(answer(second, offered, 200, SDP));
			assertThat(second.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:seat2"));
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC, "stop");
			assertThat(flow.acd).containsSubsequence("claim:seat2", "away:seat1", "answered:seat2");
			assertThat(flow.onlyCall().snapshot().agentLegs()).extracting(leg -> leg.party() + ":" + (leg.answeredAt() != null))
				.containsExactly("seat1:true", "seat2:true");
			assertThat(flow.active.onCall("seat1")).isFalse();
			assertThat(flow.active.onCall("seat2")).isTrue();

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(second.await().isRequest("BYE")).as("the customer's hang-up reaches the new agent").isTrue();
		}
	}

	@Test
	void aCustomerHangingUpWhileTheNewAgentRingsCancelsThatPhone() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, first, new String[0]);
			flow.registerPhone(second, "seat2");
			flow.idleForTransfer.add("seat2");
			flow.b2bua.transfer(1, flow.onlyCall().id(), TransferTarget.seat("seat2"));
			first.await();
			Message offered = second.await();
			second.sendRaw(answer(second, offered, 180, null));
			flow.awaitUntil("ringing", () -> flow.onlyCall().transferRinging);

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(second.await().isRequest("CANCEL")).as("nobody is left for the new agent").isTrue();
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:CUSTOMER:customer-hangup"));
		}
	}

	@Test
	void aTransferToABusyAgentIsRefusedAndTheCustomerStaysWithTheFirst() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, first, new String[0]);
			String callId = flow.onlyCall().id();
			flow.registerPhone(second, "seat2");

			assertThatThrownBy(() -> flow.b2bua.transfer(1, callId, TransferTarget.seat("seat2"))).isInstanceOf(TransferRefused.class)
				.hasMessage("agent-busy");
			assertThatThrownBy(() -> flow.b2bua.transfer(1, callId, TransferTarget.seat("seat9"))).hasMessage("agent-offline");
			assertThatThrownBy(() -> flow.b2bua.transfer(2, callId, TransferTarget.seat("seat2"))).as("another tenant's call")
				.hasMessage("call-not-found");
			first.timeout(300);
			assertThat(first.receive()).as("no BYE to the first agent").isEmpty();
			assertThat(flow.prompts).isEmpty();
			assertThat(flow.onlyCall().snapshot().seat()).isEqualTo("seat1");
			assertThat(flow.onlyCall().state()).isEqualTo(CallState.ANSWERED);
		}
	}

	@Test
	void whenTheNewAgentRefusesTheCustomerGoesBackToTheQueue() {
		flow.seats.add("seat2");
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, first, new String[0]);
			String callId = flow.onlyCall().id();
			flow.registerPhone(second, "seat2");
			flow.idleForTransfer.add("seat2");

			flow.b2bua.transfer(1, callId, TransferTarget.seat("seat2"));
			first.await();
			Message offered = second.await();
			second.sendRaw(answer(second, offered, 486, null));
			assertThat(second.await().isRequest("ACK")).isTrue();

			Message again = first.await();
			assertThat(again.isRequest("INVITE")).as("the ACD rings the next agent, here the first again").isTrue();
			first.sendRaw(answer(first, again, 200, SDP));
			assertThat(first.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("taken over", () -> flow.observed.contains("transferred:seat1"));
			assertThat(flow.acd).containsSubsequence("not-answered:seat2:busy", "ring:seat1");
			assertThat(flow.onlyCall().snapshot().agentLegs()).extracting(leg -> leg.party() + ":" + (leg.answeredAt() != null))
				.containsExactly("seat1:true", "seat2:false", "seat1:true");
		}
	}

	@Test
	void aTransferToANumberGoesOutThroughTheGatewayAndHoldsItsChannels() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, first, new String[0]);
			String callId = flow.onlyCall().id();
			flow.outboundRoute = new OutboundRouting.Route("+8613800138000", "13800138000", "127.0.0.1", gateway.port(), "UDP", 9, 2,
					List.of(new OutboundRouting.DisplayNumberChoice(3, "+861062345679", "01062345679", 1)), null, null);

			flow.b2bua.transfer(1, callId, TransferTarget.number("13800138000"));
			first.await();
			Message invite = gateway.await();
			assertThat(invite.header("From")).contains("01062345679");
			gateway.sendRaw(answer(gateway, invite, 200, SDP));
			assertThat(gateway.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:+8613800138000"));
			assertThat(flow.onlyCall().snapshot().agentLegs()).extracting(PartyLeg::kind).containsExactly("AGENT", "FORWARD");
			assertThat(flow.channels.inUse("gateway:9")).isEqualTo(1);

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(gateway.await().isRequest("BYE")).isTrue();
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:CUSTOMER:customer-hangup"));
			assertThat(flow.channels.inUse("gateway:9") + flow.channels.inUse("display:3") + flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aReferFromTheAgentsPhoneTransfersTheCustomerAndReportsBackByNotify() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, first, new String[0]);
			Message offered = flow.agentInvite;
			flow.registerPhone(second, "seat2");
			flow.idleForTransfer.add("seat2");

			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(offered), "REFER", 2, "Refer-To: <sip:seat2@127.0.0.1>",
					"Referred-By: <sip:seat1@127.0.0.1>"));
			assertThat(first.await().status()).isEqualTo(202);
			Message notify = first.await();
			assertThat(notify.isRequest("NOTIFY")).isTrue();
			assertThat(notify.body()).startsWith("SIP/2.0 200");
			assertThat(notify.header("Subscription-State")).startsWith("terminated");
			// as phones do after a blind transfer: hang up their own side at once, crossing CallDesk's BYE
			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(offered), "BYE", 3));
			Message crossed = first.await();
			Message other = first.await();
			assertThat(List.of(crossed, other)).anyMatch(m -> m.isRequest("BYE")).anyMatch(m -> m.status() == 200);
			Message ringing = second.await();
			assertThat(ringing.isRequest("INVITE")).isTrue();
			second.sendRaw(answer(second, ringing, 200, SDP));
			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:seat2"));
			assertThat(flow.onlyCall().state()).as("the phone's own BYE ended nothing").isEqualTo(CallState.ANSWERED);
			assertThat(flow.observed).noneMatch(step -> step.startsWith("ended"));
		}
	}

	@Test
	void aReferToABusyAgentIsDeclinedAndTheCustomerStays() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, first, new String[0]);
			Message offered = flow.agentInvite;

			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(offered), "REFER", 2, "Refer-To: <sip:13800138000@127.0.0.1>"));
			assertThat(first.await().status()).isEqualTo(202);
			Message notify = first.await();
			assertThat(notify.body()).as("no route for the number: declined").startsWith("SIP/2.0 603");
			assertThat(flow.onlyCall().state()).isEqualTo(CallState.ANSWERED);
			assertThat(flow.onlyCall().snapshot().seat()).isEqualTo("seat1");
		}
	}
}
