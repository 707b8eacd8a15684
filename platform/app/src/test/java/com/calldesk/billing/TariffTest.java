package com.calldesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallState;
import com.calldesk.sip.calls.PartyLeg;

/** Rating as Chinese carriers bill: from the answer, per started minute, at least one once answered. */
class TariffTest {

	static final Instant ANSWERED = Instant.parse("2025-03-03T02:00:00Z");

	final Tariff tariff = new Tariff(12, 30);

	@Test
	void everyStartedMinuteCountsAndAnAnsweredCallCostsAtLeastOne() {
		assertThat(minutes(Duration.ZERO)).as("answered and hung up at once").isEqualTo(1);
		assertThat(minutes(Duration.ofSeconds(1))).isEqualTo(1);
		assertThat(minutes(Duration.ofSeconds(60))).isEqualTo(1);
		assertThat(minutes(Duration.ofMillis(60_900))).as("whole seconds, the fraction dropped").isEqualTo(1);
		assertThat(minutes(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(minutes(Duration.ofSeconds(120))).isEqualTo(2);
		assertThat(minutes(Duration.ofSeconds(3601))).isEqualTo(61);
	}

	@Test
	void theCostIsTheMinutesAtTheRateOfTheKind() {
		assertThat(tariff.charge(new BillableTime(ChargeKind.OUTBOUND, ANSWERED, ANSWERED.plusSeconds(61))))
			.isEqualTo(new Charge(ChargeKind.OUTBOUND, 2, 12, 24));
		assertThat(tariff.charge(new BillableTime(ChargeKind.FORWARD, ANSWERED, ANSWERED.plusSeconds(125))))
			.isEqualTo(new Charge(ChargeKind.FORWARD, 3, 30, 90));
		assertThat(new Tariff(0, 0).charge(new BillableTime(ChargeKind.OUTBOUND, ANSWERED, ANSWERED.plusSeconds(600))).costFen()).isZero();
	}

	@Test
	void anEndBeforeTheAnswerByAnotherNodesClockIsOneMinuteNotANegativeOne() {
		assertThat(tariff.charge(new BillableTime(ChargeKind.OUTBOUND, ANSWERED, ANSWERED.minusMillis(300))).minutes()).isEqualTo(1);
	}

	@Test
	void ratesNeverSetAreFreeAndNegativeRatesAreRefused() {
		assertThat(Tariff.of(null, null)).isEqualTo(new Tariff(0, 0));
		assertThatThrownBy(() -> new Tariff(-1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void onlyAnAnsweredOutboundCallIsBillableFromItsAnswerToItsEnd() {
		assertThat(BillableTime.of(call("OUTBOUND", ANSWERED, ANSWERED.plusSeconds(30))))
			.contains(new BillableTime(ChargeKind.OUTBOUND, ANSWERED, ANSWERED.plusSeconds(30)));
		assertThat(BillableTime.of(call("OUTBOUND", null, ANSWERED.plusSeconds(30)))).as("unanswered").isEmpty();
		assertThat(BillableTime.of(call("INBOUND", ANSWERED, ANSWERED.plusSeconds(30)))).as("the caller's own leg").isEmpty();
		assertThat(BillableTime.of(call("OUTBOUND", ANSWERED, null))).as("still going").isEmpty();
	}

	@Test
	void everyAnsweredLegThroughTheGatewayOnTheAgentsSideIsBilledAsAForwardFromItsOwnAnswer() {
		Instant forwardAnswered = ANSWERED.plusSeconds(40);
		List<PartyLeg> legs = List.of(new PartyLeg("AGENT", "ss2001000ss0001", ANSWERED.minusSeconds(3), ANSWERED, ANSWERED.plusSeconds(30)),
				new PartyLeg("FORWARD", "+8613800138000", ANSWERED.plusSeconds(30), null, ANSWERED.plusSeconds(35)),
				new PartyLeg("FORWARD", "+8613900139000", ANSWERED.plusSeconds(35), forwardAnswered, forwardAnswered.plusSeconds(125)));
		CallSnapshot inbound = call("INBOUND", ANSWERED, forwardAnswered.plusSeconds(125));
		CallSnapshot transferred = new CallSnapshot(inbound.callId(), inbound.tenantId(), inbound.tenantCode(), inbound.direction(),
				inbound.customerNumber(), inbound.dialledNumber(), null, null, null, null, inbound.state(), inbound.offeredAt(), inbound.ringingAt(),
				inbound.answeredAt(), inbound.endedAt(), inbound.endedBy(), inbound.endReason(), 200, null, "node-a", "+8613900139000", legs);
		assertThat(BillableTime.of(transferred)).as("the unanswered forward is free")
			.containsExactly(new BillableTime(ChargeKind.FORWARD, forwardAnswered, forwardAnswered.plusSeconds(125)));
		assertThat(tariff.charge(BillableTime.of(transferred).get(0)).minutes()).isEqualTo(3);
	}

	@Test
	void aBalanceMustPayTheFirstMinute() {
		assertThat(new BalanceGate.Funds(0, 10).paysAMinute()).isFalse();
		assertThat(new BalanceGate.Funds(9, 10).paysAMinute()).isFalse();
		assertThat(new BalanceGate.Funds(10, 10).paysAMinute()).isTrue();
		assertThat(new BalanceGate.Funds(0, 0).paysAMinute()).as("free calls").isTrue();
		assertThat(new BalanceGate.Funds(-5, 0).paysAMinute()).as("in debt").isFalse();
	}

	private int minutes(Duration talk) {
		return tariff.charge(new BillableTime(ChargeKind.OUTBOUND, ANSWERED, ANSWERED.plus(talk))).minutes();
	}

	static CallSnapshot call(String direction, Instant answeredAt, Instant endedAt) {
		return new CallSnapshot("call-1", 1, "2001000", direction, "+8613910001000", "13910001000", null, null, null, "ss2001000ss0001",
				endedAt == null ? CallState.ANSWERED : CallState.ENDED, ANSWERED.minusSeconds(5), ANSWERED.minusSeconds(3), answeredAt, endedAt,
				"AGENT", "agent-hangup", 200, null, "node-a", null, null);
	}
}
