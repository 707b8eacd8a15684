package com.calldesk.seats;

/**
 * A seat was unbound from its user (by an administrator, or because they left the organisation): the
 * user's open desktops on this node stop hearing the seat's calls at once.
 */
public record SeatReleased(long tenantId, String seatSipUsername, long userId) {
}
