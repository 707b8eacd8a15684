package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;

/** The agent state machine alone, with time passed in: every transition, and every event that must not move an agent. */
class SeatAgentTest {

	static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

	SeatAgent idle = SeatAgent.offline(7, "ss2001000ss0001", T0).withStatus(AgentStatus.IDLE, T0);

	@Test
	void onlyAnIdleWaitingAgentIsOfferedAndAnOfferMovesItToRinging() {
		assertThat(SeatAgent.offline(7, "s", T0).offerable(T0)).isFalse();
		assertThat(idle.withStatus(AgentStatus.BUSY, T0).offerable(T0)).isFalse();
		assertThat(idle.withStatus(AgentStatus.REST, T0).offerable(T0)).isFalse();
		SeatAgent ringing = idle.offered("c1", T0.plusSeconds(1));
		assertThat(ringing.state()).isEqualTo(AgentState.RINGING);
		assertThat(ringing.callId()).isEqualTo("c1");
		assertThat(ringing.offered("c2", T0.plusSeconds(2))).as("a second offer does nothing").isSameAs(ringing);
	}

	@Test
	void answeredThenEndedGoesThroughWrapUpBackToWaiting() {
		SeatAgent talking = idle.offered("c1", T0).answered("c1", T0.plusSeconds(3));
		assertThat(talking.state()).isEqualTo(AgentState.TALKING);
		assertThat(talking.answeredToday()).isEqualTo(1);
		SeatAgent wrapping = talking.callEnded("c1", Duration.ofSeconds(15), T0.plusSeconds(60));
		assertThat(wrapping.state()).isEqualTo(AgentState.WRAP_UP);
		assertThat(wrapping.offerable(T0.plusSeconds(61))).isFalse();
		assertThat(wrapping.wrapUpEnded(false, T0.plusSeconds(74))).as("timer not run out").isSameAs(wrapping);
		SeatAgent waiting = wrapping.wrapUpEnded(false, T0.plusSeconds(75));
		assertThat(waiting.state()).isEqualTo(AgentState.WAITING);
		assertThat(waiting.idleSince()).as("idle from the end of wrap-up").isEqualTo(T0.plusSeconds(75));
		assertThat(wrapping.wrapUpEnded(true, T0.plusSeconds(62)).state()).as("the agent may end it early").isEqualTo(AgentState.WAITING);
		assertThat(talking.callEnded("c1", Duration.ZERO, T0.plusSeconds(60)).state()).as("no wrap-up time").isEqualTo(AgentState.WAITING);
	}

	@Test
	void eventsOfAnotherCallOrOutOfOrderChangeNothing() {
		SeatAgent ringing = idle.offered("c1", T0);
		assertThat(ringing.answered("other", T0)).isSameAs(ringing);
		assertThat(ringing.notAnswered("other", 3, Duration.ofSeconds(5), T0)).isSameAs(ringing);
		assertThat(ringing.callEnded("other", Duration.ZERO, T0)).isSameAs(ringing);
		assertThat(idle.answered("c1", T0)).as("answer without an offer").isSameAs(idle);
		assertThat(idle.wrapUpEnded(true, T0)).isSameAs(idle);
	}

	@Test
	void anUnansweredOfferKeepsTheAgentsPlaceButHoldsItBackForTheDelay() {
		SeatAgent missed = idle.offered("c1", T0).notAnswered("c1", 3, Duration.ofSeconds(5), T0.plusSeconds(20));
		assertThat(missed.state()).isEqualTo(AgentState.WAITING);
		assertThat(missed.status()).isEqualTo(AgentStatus.IDLE);
		assertThat(missed.idleSince()).isEqualTo(idle.idleSince());
		assertThat(missed.offerable(T0.plusSeconds(24))).isFalse();
		assertThat(missed.offerable(T0.plusSeconds(25))).isTrue();
	}

	@Test
	void theThirdUnansweredOfferInARowMakesTheAgentBusyWithAReasonAndAnAnswerResetsTheStreak() {
		SeatAgent agent = idle;
		for (int i = 1; i <= 2; i++) {
			agent = agent.offered("c" + i, T0.plusSeconds(i * 60)).notAnswered("c" + i, 3, Duration.ZERO, T0.plusSeconds(i * 60 + 20));
		}
		assertThat(agent.missedInARow()).isEqualTo(2);
		SeatAgent answered = agent.offered("c9", T0.plusSeconds(300)).answered("c9", T0.plusSeconds(301));
		assertThat(answered.missedInARow()).isZero();

		SeatAgent third = agent.offered("c3", T0.plusSeconds(300)).notAnswered("c3", 3, Duration.ZERO, T0.plusSeconds(320));
		assertThat(third.status()).isEqualTo(AgentStatus.BUSY);
		assertThat(third.reason()).isEqualTo("no-answer");
		SeatAgent back = third.withStatus(AgentStatus.IDLE, T0.plusSeconds(400));
		assertThat(back.reason()).isNull();
		assertThat(back.missedInARow()).isZero();
		assertThat(back.offerable(T0.plusSeconds(400))).isTrue();
	}

	@Test
	void aCallerHangingUpWhileTheAgentRingsFreesTheAgentAtOnce() {
		SeatAgent ringing = idle.offered("c1", T0);
		SeatAgent freed = ringing.callEnded("c1", Duration.ofSeconds(15), T0.plusSeconds(4));
		assertThat(freed.state()).isEqualTo(AgentState.WAITING);
		assertThat(freed.offerable(T0.plusSeconds(4))).isTrue();
	}

	@Test
	void callsAnsweredTodayRestartAtMidnightInChina() {
		Instant beforeMidnight = Instant.parse("2026-11-25T15:59:00Z");
		SeatAgent agent = idle.offered("c1", beforeMidnight).answered("c1", beforeMidnight).callEnded("c1", Duration.ZERO, beforeMidnight);
		assertThat(agent.answeredOn(SeatAgent.day(beforeMidnight))).isEqualTo(1);
		Instant afterMidnight = Instant.parse("2026-11-25T16:01:00Z");
		assertThat(agent.answeredOn(SeatAgent.day(afterMidnight))).isZero();
		assertThat(agent.offered("c2", afterMidnight).answered("c2", afterMidnight).answeredToday()).isEqualTo(1);
	}

	@Test
	void phoneGoneSetsOfflineWithAReasonAndTheAgentIsNotOfferedAnything() {
		SeatAgent gone = idle.withStatus(AgentStatus.OFFLINE, "phone-gone", T0);
		assertThat(gone.reason()).isEqualTo("phone-gone");
		assertThat(gone.offerable(T0)).isFalse();
	}
}
