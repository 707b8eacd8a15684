package com.calldesk.sip.registrar;

import java.util.Optional;

/** Finds seat accounts; implemented by the application over the platform schema. */
public interface SeatAccounts {

	Optional<SeatAccount> byUsername(String username);

	/**
	 * Whether a request naming {@code username} claims to be a seat's, decided by the name alone and
	 * never by whether the seat exists: otherwise the answer (a challenge or a call) would tell who exists.
	 */
	default boolean namesSeat(String username) {
		return byUsername(username).isPresent();
	}
}
