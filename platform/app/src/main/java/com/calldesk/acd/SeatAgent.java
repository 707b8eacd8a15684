package com.calldesk.acd;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;

/**
 * One seat's agent on the board: the status the agent chose, the state the system keeps, and what the
 * strategies need (idle since when, calls answered today, unanswered offers in a row). Immutable: every
 * transition returns the next value, or this same value when the event does not apply (a late or
 * duplicate event must never move an agent), so callers can tell a change by identity.
 *
 * @param since when status or state last changed
 * @param callId the call the agent is ringing for, talking on or wrapping up; null when waiting
 * @param reason why the system last set the status (e.g. {@code no-answer}); null when the agent did
 * @param idleSince when the agent last became free (longest-idle orders by it)
 * @param notBefore an agent whose phone did not answer is not offered again before this
 * @param wrapUpUntil when wrap-up ends by itself
 * @param answeredToday inbound calls answered on {@code day} (fewest-calls orders by it)
 */
public record SeatAgent(long tenantId, String seat, AgentStatus status, AgentState state, Instant since, String callId, String reason,
		Instant idleSince, Instant notBefore, Instant wrapUpUntil, int missedInARow, int answeredToday, LocalDate day) {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	public static SeatAgent offline(long tenantId, String seat, Instant now) {
		return new SeatAgent(tenantId, seat, AgentStatus.OFFLINE, AgentState.WAITING, now, null, null, now, null, null, 0, 0, day(now));
	}

	/** Only an available agent with nothing going on, and not just passed over for not answering, gets a call. */
	public boolean offerable(Instant now) {
		return status == AgentStatus.IDLE && state == AgentState.WAITING && (notBefore == null || !now.isBefore(notBefore));
	}

	/** The agent's own choice; becoming available clears a no-answer streak and starts the idle clock. */
	public SeatAgent withStatus(AgentStatus next, Instant now) {
		return chose(next, null, now);
	}

	/** The agent's own choice with a reason of theirs ({@code chosenReason}: why they rest), which replaces the system's. */
	public SeatAgent chose(AgentStatus next, String chosenReason, Instant now) {
		if (next == status && java.util.Objects.equals(reason, chosenReason)) {
			return this;
		}
		boolean available = next == AgentStatus.IDLE && status != AgentStatus.IDLE;
		return new SeatAgent(tenantId, seat, next, state, now, callId, chosenReason, available && state == AgentState.WAITING ? now : idleSince,
				next == AgentStatus.IDLE ? null : notBefore, wrapUpUntil, next == AgentStatus.IDLE ? 0 : missedInARow, answeredToday(now),
				day(now));
	}

	/** Set by the system, with its reason (the phone is gone: OFFLINE). */
	public SeatAgent withStatus(AgentStatus next, String why, Instant now) {
		if (next == status) {
			return this;
		}
		return new SeatAgent(tenantId, seat, next, state, now, callId, why, idleSince, notBefore, wrapUpUntil, missedInARow,
				answeredToday(now), day(now));
	}

	/** WAITING → RINGING for {@code call}; only when offerable. */
	public SeatAgent offered(String call, Instant now) {
		if (!offerable(now)) {
			return this;
		}
		return state(AgentState.RINGING, call, now);
	}

	/**
	 * The phone did not take {@code call}: back to WAITING with its idle time kept (it stays first in
	 * line), not offered again for {@code delay}, and after {@code limit} unanswered offers in a row,
	 * BUSY with reason {@code no-answer}.
	 */
	public SeatAgent notAnswered(String call, int limit, Duration delay, Instant now) {
		if (state != AgentState.RINGING || !call.equals(callId)) {
			return this;
		}
		int missed = missedInARow + 1;
		boolean tooMany = limit > 0 && missed >= limit && status == AgentStatus.IDLE;
		return new SeatAgent(tenantId, seat, tooMany ? AgentStatus.BUSY : status, AgentState.WAITING, now, null,
				tooMany ? "no-answer" : reason, idleSince, now.plus(delay), null, missed, answeredToday(now), day(now));
	}

	/** RINGING → TALKING for {@code call}; the no-answer streak ends. */
	public SeatAgent answered(String call, Instant now) {
		if (state != AgentState.RINGING || !call.equals(callId)) {
			return this;
		}
		return new SeatAgent(tenantId, seat, status, AgentState.TALKING, now, call, reason, idleSince, null, null, 0, answeredToday(now) + 1,
				day(now));
	}

	/** An agent's own call (dialled from the phone or by click-to-call): TALKING until it ends. */
	public SeatAgent onOwnCall(String call, Instant now) {
		if (state != AgentState.WAITING) {
			return this;
		}
		return state(AgentState.TALKING, call, now);
	}

	/**
	 * The call ended. A talking agent goes to WRAP_UP for {@code wrapUp} (straight to WAITING when it is
	 * zero); a ringing one whose caller hung up goes back to WAITING as if never offered.
	 */
	public SeatAgent callEnded(String call, Duration wrapUp, Instant now) {
		if (!call.equals(callId)) {
			return this;
		}
		if (state == AgentState.RINGING) {
			return new SeatAgent(tenantId, seat, status, AgentState.WAITING, now, null, reason, idleSince, notBefore, null, missedInARow,
					answeredToday(now), day(now));
		}
		if (state != AgentState.TALKING) {
			return this;
		}
		if (wrapUp.isZero() || wrapUp.isNegative()) {
			return waiting(now);
		}
		return new SeatAgent(tenantId, seat, status, AgentState.WRAP_UP, now, call, reason, idleSince, null, now.plus(wrapUp), missedInARow,
				answeredToday(now), day(now));
	}

	/** Wrap-up over, by its timer ({@code now} past {@link #wrapUpUntil}) or because the agent said so ({@code early}). */
	public SeatAgent wrapUpEnded(boolean early, Instant now) {
		if (state != AgentState.WRAP_UP || (!early && now.isBefore(wrapUpUntil))) {
			return this;
		}
		return waiting(now);
	}

	public int answeredOn(LocalDate date) {
		return date.equals(day) ? answeredToday : 0;
	}

	private SeatAgent state(AgentState next, String call, Instant now) {
		return new SeatAgent(tenantId, seat, status, next, now, call, reason, idleSince, notBefore, null, missedInARow, answeredToday(now),
				day(now));
	}

	private SeatAgent waiting(Instant now) {
		return new SeatAgent(tenantId, seat, status, AgentState.WAITING, now, null, reason, now, null, null, missedInARow, answeredToday(now),
				day(now));
	}

	/** Counts of a day restart at midnight in China. */
	private int answeredToday(Instant now) {
		return day(now).equals(day) ? answeredToday : 0;
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, CHINA);
	}
}
