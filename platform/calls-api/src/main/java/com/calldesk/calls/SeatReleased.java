package com.calldesk.calls;

import java.time.Instant;

/**
 * A seat was unbound from its user (by an administrator, or because they left the organisation on
 * their platform): on every node, that user's open desktops stop hearing the seat's calls at once.
 * {@code seq} is the change's time in microseconds.
 */
public record SeatReleased(long tenantId, long seq, Instant at, String seat, long userId) implements CtiEvent {
}
