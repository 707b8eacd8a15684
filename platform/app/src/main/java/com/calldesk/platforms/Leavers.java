package com.calldesk.platforms;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.connector.Platform;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.UserAccounts;

/**
 * Acts on a verified push: whoever left the organisation loses their seat, can no longer sign in, and
 * their sessions end at their next request. Recording the push and acting on it is one transaction, so a
 * push that failed half-way is acted on again when the platform retries it.
 */
@Service
class Leavers {

	private static final Logger log = LoggerFactory.getLogger(Leavers.class);

	private final PlatformEventMapper events;

	private final PlatformAccounts accounts;

	private final SeatSettings seats;

	private final UserAccounts users;

	private final Clock clock;

	Leavers(PlatformEventMapper events, PlatformAccounts accounts, SeatSettings seats, UserAccounts users, Clock clock) {
		this.events = events;
		this.accounts = accounts;
		this.seats = seats;
		this.users = users;
		this.clock = clock;
	}

	/** False when the push was taken before (a replay, or the platform's retry of one we answered). */
	@Transactional
	public boolean take(Platform platform, String eventId, List<String> usersLeft) {
		if (eventId != null) {
			try {
				events.taken(platform.name(), eventId.length() > 100 ? eventId.substring(0, 100) : eventId, clock.instant());
			}
			catch (DuplicateKeyException seen) {
				return false;
			}
		}
		for (String platformUserId : usersLeft) {
			accounts.left(platform, platformUserId).ifPresent(userId -> {
				boolean hadSeat = seats.releaseSeatOf(userId);
				users.disable(userId);
				log.info("{} user {} left the organisation: tenant user {} disabled{}", platform, platformUserId, userId,
						hadSeat ? ", seat released" : "");
			});
		}
		return true;
	}
}
