package com.calldesk.recording;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.Seat;
import com.calldesk.seats.SeatSettings;

/** The seat (SIP user name) a user is bound to: the calls it took are the agent's own. */
@Component
class SeatOfUser {

	private final SeatSettings seats;

	SeatOfUser(SeatSettings seats) {
		this.seats = seats;
	}

	String sipUsernameOf(long userId) {
		return seats.seatOf(userId).map(Seat::getSipUsername).orElse(null);
	}
}
