package com.calldesk.platforms;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformUser;
import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.AppUser;
import com.calldesk.users.UserAccounts;

/**
 * Maps platform people to the tenant's users. A person is made a user (an agent) the first time they
 * sign in from the platform or are picked for a seat; someone who left stays refused, their record kept.
 */
@Service
public class PlatformAccounts {

	private final PlatformAccountMapper accounts;

	private final UserAccounts users;

	private final Clock clock;

	private final SeatSettings seats;

	PlatformAccounts(PlatformAccountMapper accounts, UserAccounts users, SeatSettings seats, Clock clock) {
		this.seats = seats;
		this.accounts = accounts;
		this.users = users;
		this.clock = clock;
	}

	/** The tenant user for this platform person, made on first sight. */
	@Transactional
	public AppUser userFor(Platform platform, PlatformUser person) {
		PlatformAccountMapper.Row row = accounts.byPlatformUser(platform.name(), person.platformUserId());
		if (row != null) {
			if (row.leftAt() != null) {
				throw new DomainException(HttpStatus.FORBIDDEN, "platform.left", PlatformProblems.named(platform));
			}
			return users.require(row.userId());
		}
		AppUser user = users.createFromPlatform(Connectors.slug(platform), person.platformUserId(), person.displayName(), person.mobile());
		try {
			accounts.insert(platform.name(), person.platformUserId(), user.getId(), user.getDisplayName(), clock.instant());
		}
		catch (DuplicateKeyException raced) {
			// the same person's second tab signed in first: this transaction's user is rolled back with it
			throw DomainException.conflict("platform.account-raced", PlatformProblems.named(platform));
		}
		return user;
	}

	/** Seat binding from the directory (F17 in each port): the person becomes a user if need be, all or nothing. */
	@Transactional
	public AppUser bindSeat(Platform platform, PlatformUser person, long seatId, String by) {
		AppUser user = userFor(platform, person);
		seats.bind(seatId, user.getId(), by);
		return user;
	}

	/** Where a tenant user is on the platforms (and has not left): platform → their id there. */
	public java.util.Map<Platform, String> platformIdsOf(long userId) {
		java.util.Map<Platform, String> ids = new java.util.EnumMap<>(Platform.class);
		accounts.ofUser(userId).forEach(r -> ids.putIfAbsent(Platform.valueOf(r.platform()), r.platformUserId()));
		return ids;
	}

	/** Marks the person as gone; returns their tenant user when they had one. */
	@Transactional
	public Optional<Long> left(Platform platform, String platformUserId) {
		PlatformAccountMapper.Row row = accounts.byPlatformUser(platform.name(), platformUserId);
		if (row == null || accounts.left(row.id(), clock.instant()) == 0) {
			return Optional.empty();
		}
		return Optional.of(row.userId());
	}
}
