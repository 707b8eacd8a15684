package com.calldesk.desk;

import java.util.List;

import com.calldesk.phone.PhoneNumber;

/**
 * What an agent sees as the phone rings (F18). {@code matches}: none → the "new caller" form, one →
 * shown, several → the agent picks (one today: a number belongs to one contact of a tenant).
 * {@code callsToday}, {@code openEvents} and {@code openWorkOrders} are those of every matched
 * customer; {@code callsToday} also holds the calls from the caller's number, never this call itself.
 *
 * @param caller the caller's number parsed, with its region (归属地); null when it is no valid number
 * @param callerNumber the number as the carrier presented it
 * @param dialledNumber what the caller dialled (the 400 number or the trunk landline)
 * @param dialledLabel the dialled number as people write it ("400 800 1234")
 */
public record ScreenPop(String callId, PhoneNumber caller, String callerNumber, String dialledNumber, String dialledLabel,
		List<PopMatch> matches, List<PopCall> callsToday, List<PopEvent> openEvents, List<PopWorkOrder> openWorkOrders) {
}
