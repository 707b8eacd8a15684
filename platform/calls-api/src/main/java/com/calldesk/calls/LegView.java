package com.calldesk.calls;

import java.time.Instant;

/** One agent-side leg: whom it reached ({@code party}: a seat's SIP account or a number) and when. */
public record LegView(LegKind kind, String party, Instant startedAt, Instant answeredAt, Instant endedAt) {
}
