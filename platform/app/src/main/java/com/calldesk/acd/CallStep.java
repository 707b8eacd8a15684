package com.calldesk.acd;

import java.time.Instant;

/**
 * One step of a call through the ACD, from the per-call journal: QUEUED, OFFERED (to a seat; detail
 * {@code sticky} when the caller's last agent), NO_ANSWER (with why), ANSWERED, ABANDONED or
 * OVERFLOWED (with the wait and the reason).
 */
public record CallStep(String kind, String seat, String detail, Instant occurredAt) {
}
