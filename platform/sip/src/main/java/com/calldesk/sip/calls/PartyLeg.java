package com.calldesk.sip.calls;

import java.time.Instant;

/**
 * One leg of a call on the agent's side, as the call record keeps it: {@code AGENT} (a seat's phone)
 * or {@code FORWARD} (a number through the gateway, billed), whom it reached, and when it started, was
 * answered (null: never) and ended. A transferred call has one per agent it reached.
 */
public record PartyLeg(String kind, String party, Instant startedAt, Instant answeredAt, Instant endedAt) {
}
