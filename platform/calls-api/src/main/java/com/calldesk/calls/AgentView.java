package com.calldesk.calls;

import java.time.Instant;

/**
 * A seat's agent as consumers see it.
 *
 * @param since when status or state last changed (the status bar's clock starts here)
 * @param callId the call the agent rings for, talks on or wraps up; null when waiting
 * @param reason why the system set the status ({@code no-answer}, {@code phone-gone}) or the rest reason the agent chose
 * @param wrapUpUntil when wrap-up (话后) ends by itself; null outside wrap-up
 */
public record AgentView(long tenantId, String seat, AgentStatus status, AgentState state, Instant since, String callId, String reason,
		Instant wrapUpUntil, int missedInARow, int answeredToday) {
}
