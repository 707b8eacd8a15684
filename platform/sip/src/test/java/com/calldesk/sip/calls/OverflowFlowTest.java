package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * Where an overflowing call goes (F11, F14): voicemail — greeting, beep, the message until #, the
 * limit or hang-up — or a forward to a mobile through the tenant's gateway, with the message as the
 * fallback when the forward fails.
 */
class OverflowFlowTest {

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
		flow.seats.clear();
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	private Message voicemailCall(SipProbe carrier) {
		flow.overflow = new CallDistribution.Overflow("closed", "closed", new CallDistribution.Voicemail("voicemail-greeting", Duration.ofSeconds(60)));
		carrier.sendRaw(flow.invite(carrier, "4008001234"));
		assertThat(carrier.await().status()).isEqualTo(100);
		Message ok = carrier.await();
		assertThat(ok.status()).as("CallDesk answers to take the message").isEqualTo(200);
		flow.awaitUntil("the greeting plays", () -> flow.prompts.contains("voicemail-greeting"));
		flow.playing.complete(null);
		assertThat(flow.prompts).containsExactly("voicemail-greeting", Voicemails.BEEP);
		flow.playing.complete(null);
		assertThat(flow.prompts).containsExactly("voicemail-greeting", Voicemails.BEEP, "record:60");
		return ok;
	}

	@Test
	void theCallerLeavesAMessageAndPressesHash() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			voicemailCall(carrier);
			flow.digits.accept('5');
			assertThat(flow.messages).as("only # ends the message").isEmpty();
			flow.digits.accept('#');

			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.messages).singleElement().satisfies(message -> {
				assertThat(message.file()).isEqualTo(Path.of("voicemail.wav"));
				assertThat(message.situation()).isEqualTo("closed");
				assertThat(message.endedBy()).isEqualTo("hash");
			});
			assertThat(flow.observed).contains("ended:SYSTEM:voicemail");
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aMessageThatReachesTheLimitEndsTheCall() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			voicemailCall(carrier);
			flow.voicemail.complete(Path.of("voicemail.wav"));

			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.messages).singleElement().extracting(VoicemailMessage::endedBy).isEqualTo("limit");
		}
	}

	@Test
	void aCallerHangingUpAfterSpeakingLeavesTheMessage() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			Message ok = voicemailCall(carrier);
			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);

			flow.awaitUntil("the message is handed over", () -> flow.messages.size() == 1);
			assertThat(flow.messages.get(0).endedBy()).isEqualTo("hangup");
			// the call's end is observed on the thread that filed the message, after the hand-over: wait for it
			flow.awaitUntil("the call's end to be observed", () -> flow.observed.contains("ended:CUSTOMER:customer-hangup"));
		}
	}

	@Test
	void aCallerHangingUpDuringTheGreetingLeavesNoMessage() {
		flow.overflow = new CallDistribution.Overflow("closed", "closed", new CallDistribution.Voicemail("voicemail-greeting", Duration.ofSeconds(60)));
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message ok = carrier.await();
			flow.awaitUntil("the greeting plays", () -> flow.prompts.contains("voicemail-greeting"));
			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:CUSTOMER:customer-hangup"));
			flow.playing.complete(null);

			assertThat(flow.prompts).doesNotContain("record:60");
			assertThat(flow.messages).isEmpty();
		}
	}

	private OutboundRouting.Route mobileVia(SipProbe gateway) {
		return new OutboundRouting.Route("+8613800138000", "13800138000", "127.0.0.1", gateway.port(), "UDP", 9, 2,
				List.of(new OutboundRouting.DisplayNumberChoice(3, "+861062345679", "01062345679", 1)), null, null);
	}

	@Test
	void aForwardedCallRingsTheMobileThroughTheGatewayAndHoldsItsChannelsUntilTheEnd() {
		flow.overflow = new CallDistribution.Overflow("all-busy", "all-busy", new CallDistribution.Forward("13800138000"));
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.outboundRoute = mobileVia(gateway);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message invite = gateway.await();
			assertThat(invite.firstLine()).startsWith("INVITE sip:13800138000@127.0.0.1");
			assertThat(invite.header("From")).as("the mobile sees one of the tenant's display numbers").contains("01062345679");
			assertThat(flow.channels.inUse("gateway:9")).isEqualTo(1);
			assertThat(flow.channels.inUse("display:3")).isEqualTo(1);

			gateway.sendRaw(answer(gateway, invite, 200, SDP));
			Message ok = carrier.await();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(gateway.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
			CallSnapshot answered = flow.onlyCall().snapshot();
			assertThat(answered.forwardedTo()).isEqualTo("+8613800138000");
			assertThat(answered.displayNumber()).isEqualTo("+861062345679");
			assertThat(answered.seat()).isNull();

			carrier.sendRaw(flow.inDialog(carrier, ok, "BYE", 2));
			assertThat(carrier.await().status()).isEqualTo(200);
			assertThat(gateway.await().isRequest("BYE")).isTrue();
			flow.awaitUntil("ended", () -> flow.observed.contains("ended:CUSTOMER:customer-hangup"));
			assertThat(flow.channels.inUse("gateway:9") + flow.channels.inUse("display:3") + flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aMobileThatIsBusyLeavesTheCallerWithTheMessage() {
		flow.overflow = new CallDistribution.Overflow("all-busy", "all-busy", new CallDistribution.Forward("13800138000"));
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.outboundRoute = mobileVia(gateway);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message invite = gateway.await();
			gateway.sendRaw(answer(gateway, invite, 486, null));

			assertThat(carrier.await().status()).as("CallDesk answers to play the message").isEqualTo(200);
			flow.awaitUntil("the message plays", () -> flow.prompts.contains("all-busy"));
			flow.playing.complete(null);
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.observed).contains("ended:SYSTEM:forward-busy");
			assertThat(flow.channels.inUse("gateway:9") + flow.channels.inUse("display:3") + flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aMobileThatDoesNotAnswerIsCancelled() {
		flow.overflow = new CallDistribution.Overflow("no-agent", null, new CallDistribution.Forward("13800138000"));
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe gateway = new SipProbe(flow.port)) {
			flow.outboundRoute = mobileVia(gateway);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message invite = gateway.await();
			gateway.sendRaw(answer(gateway, invite, 180, null));
			assertThat(carrier.await().status()).isEqualTo(180);

			flow.sweepAfter(Forwards.RING_TIMEOUT.plusSeconds(1));
			assertThat(gateway.await().isRequest("CANCEL")).isTrue();
			assertThat(carrier.await().status()).isEqualTo(480);
			assertThat(flow.observed).contains("ended:SYSTEM:forward-no-answer");
		}
	}

	@Test
	void aForwardWithoutARouteLeavesTheCallerWithTheMessage() {
		flow.overflow = new CallDistribution.Overflow("all-busy", "all-busy", new CallDistribution.Forward("13800138000"));
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			assertThat(carrier.await().status()).isEqualTo(200);
			flow.awaitUntil("the message plays", () -> flow.prompts.contains("all-busy"));
			assertThat(flow.channels.inUse("gateway:9")).isZero();
		}
	}
}
