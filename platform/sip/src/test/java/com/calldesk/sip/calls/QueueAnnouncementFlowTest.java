package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * Queue announcements (B7) in the B2BUA with a scripted ACD and a fake relay that records the prompts:
 * the sentence at entry and every interval, piece after piece as each ends, hold music in between; an
 * offer to an agent cuts it off at once; an overflow or a tenant with announcements off hears none.
 */
class QueueAnnouncementFlowTest {

	static final List<String> THREE_AHEAD_TWO_MINUTES = List.of("queue-ahead", "number-3", "queue-callers", "queue-wait", "number-2",
			"minutes");

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
		flow.seats.clear();
		flow.queueWhenNobody = true;
		flow.announceEvery = Duration.ofSeconds(30);
		flow.standing = new QueueStanding(3, Duration.ofSeconds(95));
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	@Test
	void aCallerHearsWhereTheyStandOnJoiningThenEveryIntervalWithHoldMusicBetween() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			joinQueue(carrier);
			assertThat(flow.prompts).as("one piece at a time, the next when it ends").containsExactly("queue-ahead");
			finishPieces(6);
			assertThat(flow.prompts).containsExactlyElementsOf(then(THREE_AHEAD_TWO_MINUTES, InboundCalls.HOLD_MUSIC));

			flow.standing = new QueueStanding(0, Duration.ofSeconds(40));
			flow.sweepAfter(Duration.ofSeconds(29));
			assertThat(flow.prompts).as("not due yet").hasSize(7);
			flow.sweepAfter(Duration.ofSeconds(1));
			finishPieces(2);
			assertThat(flow.prompts.subList(7, flow.prompts.size())).containsExactly("queue-next", "queue-under-a-minute",
					InboundCalls.HOLD_MUSIC);

			flow.sweepAfter(Duration.ofSeconds(30));
			assertThat(flow.prompts.subList(10, flow.prompts.size())).as("and again").containsExactly("queue-next");
		}
	}

	@Test
	void anOfferToAnAgentCutsTheSentenceOffAtOnceAndTheMusicPlaysWhileThePhoneRings() {
		flow.announceEvery = Duration.ofSeconds(10);
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			joinQueue(carrier);
			finishPieces(1);
			CompletableFuture<Void> cutOff = flow.playing;

			flow.registerPhone(phone);
			assertThat(flow.b2bua.queuedCalls().offer(flow.onlyCall().id(), "seat1")).isTrue();
			assertThat(flow.prompts).containsExactly("queue-ahead", "number-3", InboundCalls.HOLD_MUSIC);
			cutOff.complete(null);
			flow.sweepAfter(Duration.ofSeconds(15));
			assertThat(flow.prompts).as("nothing more while the phone rings, though one is due").hasSize(3);

			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 200, SDP));
			assertThat(phone.await().isRequest("ACK")).isTrue();
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
			assertThat(flow.prompts).containsExactly("queue-ahead", "number-3", InboundCalls.HOLD_MUSIC, "stop");
		}
	}

	@Test
	void backInTheQueueAfterAPhoneDidNotAnswerTheAnnouncementsGoOn() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			joinQueue(carrier);
			finishPieces(6);
			flow.registerPhone(phone);
			assertThat(flow.b2bua.queuedCalls().offer(flow.onlyCall().id(), "seat1")).isTrue();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 486, null));
			flow.awaitUntil("back in the queue", () -> flow.acd.stream().filter("queued"::equals).count() == 2);

			flow.sweepAfter(Duration.ofSeconds(30));
			assertThat(flow.prompts.subList(7, flow.prompts.size())).containsExactly("queue-ahead");
		}
	}

	@Test
	void anOverflowStopsTheSentenceWhereItIs() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			joinQueue(carrier);
			CompletableFuture<Void> replaced = flow.playing;

			assertThat(flow.b2bua.queuedCalls().overflow(flow.onlyCall().id(), new CallDistribution.Overflow("max-wait", "wait-too-long")))
				.isTrue();
			replaced.complete(null);
			assertThat(flow.prompts).containsExactly("queue-ahead", "wait-too-long");
			flow.playing.complete(null);
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			flow.sweepAfter(Duration.ofSeconds(30));
			assertThat(flow.prompts).containsExactly("queue-ahead", "wait-too-long");
		}
	}

	@Test
	void withAnnouncementsOffOrNoStandingTheCallerHearsOnlyMusic() {
		flow.announceEvery = Duration.ZERO;
		try (SipProbe carrier = new SipProbe(flow.port)) {
			joinQueue(carrier);
			flow.sweepAfter(Duration.ofSeconds(60));
			assertThat(flow.prompts).containsExactly(InboundCalls.HOLD_MUSIC);
		}
		flow.close();
		flow = new CallFlowHarness();
		flow.seats.clear();
		flow.queueWhenNobody = true;
		flow.announceEvery = Duration.ofSeconds(30);
		try (SipProbe carrier = new SipProbe(flow.port)) {
			joinQueue(carrier);
			flow.sweepAfter(Duration.ofSeconds(30));
			assertThat(flow.prompts).as("the ACD did not say where the caller stands").containsExactly(InboundCalls.HOLD_MUSIC);
		}
	}

	private void joinQueue(SipProbe carrier) {
		carrier.sendRaw(flow.invite(carrier, "4008001234"));
		assertThat(carrier.await().status()).isEqualTo(100);
		assertThat(carrier.await().status()).isEqualTo(200);
		flow.awaitUntil("queued", () -> flow.acd.contains("queued") && !flow.prompts.isEmpty());
	}

	/** Ends the prompt playing, {@code n} times, as the relay does when a prompt's last packet is out. */
	private void finishPieces(int n) {
		for (int i = 0; i < n; i++) {
			flow.playing.complete(null);
		}
	}

	private static List<String> then(List<String> first, String last) {
		List<String> all = new java.util.ArrayList<>(first);
		all.add(last);
		return all;
	}
}
