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
 * RFC 4028 session timers on both legs, with the clock moved by hand and the call sweeper run once
 * per step: what each side receives says whether the call was refreshed, kept or ended.
 */
class SessionTimerFlowTest {

	static final String[] CARRIER_REFRESHES = { "Supported: timer", "Session-Expires: 120;refresher=uac", "Min-SE: 90" };

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness(Duration.ofSeconds(1800), Duration.ofSeconds(90));
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	@Test
	void aSessionIntervalBelowOurMinimumIsRefused422WithMinSeAndTakesNothing() {
		try (SipProbe carrier = new SipProbe(flow.port)) {
			carrier.sendRaw(flow.invite(carrier, "4008001234", "Supported: timer", "Session-Expires: 30"));
			Message refused = carrier.await();
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.header("Min-SE")).isEqualTo("90");
			assertThat(flow.observed).isEmpty();
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void ourInviteToThePhoneOffersSessionTimers() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message offered = phone.await();
			assertThat(offered.header("Supported")).contains("timer");
			assertThat(offered.header("Session-Expires")).isEqualTo("1800");
			assertThat(offered.header("Min-SE")).isEqualTo("90");
		}
	}

	@Test
	void aPhoneAnswering422GetsTheInviteAgainWithTheIntervalItAskedFor() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 422, null, "Min-SE: 3600"));
			assertThat(phone.await().isRequest("ACK")).isTrue();
			Message again = phone.await();
			assertThat(again.isRequest("INVITE")).isTrue();
			assertThat(again.header("Session-Expires")).isEqualTo("3600");
			assertThat(again.header("CSeq")).isEqualTo("2 INVITE");
			assertThat(again.header("Call-ID")).isEqualTo(offered.header("Call-ID"));
			phone.sendRaw(answer(phone, again, 200, SDP));
			assertThat(carrier.await().status()).isEqualTo(200);
			flow.awaitUntil("the answer is observed", () -> flow.observed.contains("answered"));
		}
	}

	@Test
	void aCarrierThatStopsRefreshingHasItsCallEndedOnBothLegs() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, phone, CARRIER_REFRESHES);
			assertThat(ok.header("Session-Expires")).isEqualTo("120;refresher=uac");
			assertThat(ok.header("Require")).isEqualTo("timer");

			flow.sweepAfter(Duration.ofSeconds(87));
			assertThat(flow.observed).as("88 s is 120 minus the 32 s of grace").doesNotContain("ended:SYSTEM:session-expired");
			flow.sweepAfter(Duration.ofSeconds(1));
			assertThat(flow.observed).contains("ended:SYSTEM:session-expired");
			assertThat(phone.await().isRequest("BYE")).isTrue();
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.channels.inUse("trunk:7")).isZero();
		}
	}

	@Test
	void aCarrierRefreshWithUpdateKeepsTheCallForAnotherInterval() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, phone, CARRIER_REFRESHES);
			flow.clock.advance(Duration.ofSeconds(60));
			carrier.sendRaw(flow.inDialog(carrier, ok, "UPDATE", 2, "Supported: timer", "Session-Expires: 120;refresher=uac"));
			Message refreshed = carrier.await();
			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(refreshed.header("Session-Expires")).isEqualTo("120;refresher=uac");

			flow.sweepAfter(Duration.ofSeconds(87));
			assertThat(flow.observed).as("refreshed at 60 s: alive at 147 s").containsExactly("offered", "ringing", "answered");
			flow.sweepAfter(Duration.ofSeconds(1));
			assertThat(flow.observed).contains("ended:SYSTEM:session-expired");
		}
	}

	@Test
	void aCarrierRefreshWithReInviteIsRelayedAndRenewsBothLegs() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			Message ok = flow.answeredCall(carrier, phone, CARRIER_REFRESHES);
			flow.clock.advance(Duration.ofSeconds(60));
			carrier.sendRaw(flow.inDialogWith(carrier, ok, "INVITE", 2, SDP, "Supported: timer", "Session-Expires: 120;refresher=uac"));
			assertThat(carrier.await().status()).isEqualTo(100);
			Message relayed = phone.await();
			assertThat(relayed.isRequest("INVITE")).isTrue();
			phone.sendRaw(answer(phone, relayed, 200, SDP));
			Message refreshed = carrier.await();
			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(refreshed.header("Session-Expires")).isEqualTo("120;refresher=uac");
			assertThat(phone.await().isRequest("ACK")).isTrue();

			flow.sweepAfter(Duration.ofSeconds(87));
			assertThat(flow.observed).containsExactly("offered", "ringing", "answered");
		}
	}

	@Test
	void whenThePhoneLeavesRefreshingToUsWeSendUpdateEveryHalfInterval() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, phone, new String[0], "Session-Expires: 120;refresher=uac", "Require: timer",
					"Allow: INVITE, ACK, BYE, CANCEL, UPDATE");
			flow.sweepAfter(Duration.ofSeconds(59));
			flow.sweepAfter(Duration.ofSeconds(1));
			Message update = phone.await();
			assertThat(update.isRequest("UPDATE")).isTrue();
			assertThat(update.header("Session-Expires")).isEqualTo("120;refresher=uac");
			phone.sendRaw(answer(phone, update, 200, null, "Session-Expires: 120;refresher=uac", "Require: timer"));
			flow.awaitUntil("the 200 to the UPDATE renews the agent leg", () -> flow.onlyCall().session(Leg.AGENT).timer.refreshedAt()
				.equals(flow.clock.instant()));

			// the next refresh is due 60 s after the answer to this one; a 481 to it ends the call
			flow.sweepAfter(Duration.ofSeconds(60));
			Message second = phone.await();
			assertThat(second.isRequest("UPDATE")).isTrue();
			phone.sendRaw(answer(phone, second, 481, null));
			assertThat(carrier.await().isRequest("BYE")).isTrue();
			assertThat(flow.observed).contains("ended:SYSTEM:session-refresh-failed");
		}
	}

	@Test
	void aPhoneWithoutUpdateIsRefreshedByReInviteOfferingOurLastSdpAgain() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe phone = new SipProbe(flow.port)) {
			flow.registerPhone(phone);
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message offered = phone.await();
			phone.sendRaw(answer(phone, offered, 200, SDP, "Session-Expires: 120;refresher=uac", "Require: timer"));
			carrier.await();
			phone.await();

			flow.sweepAfter(Duration.ofSeconds(60));
			Message reinvite = phone.await();
			assertThat(reinvite.isRequest("INVITE")).isTrue();
			assertThat(reinvite.body()).isEqualTo(offered.body());
			phone.sendRaw(answer(phone, reinvite, 200, SDP, "Session-Expires: 120;refresher=uac"));
			assertThat(phone.await().isRequest("ACK")).isTrue();
		}
	}
}
