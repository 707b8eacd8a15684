package com.calldesk.sip.registrar;

import java.util.Optional;

/** Finds seat accounts; implemented by the application over the platform schema. */
@FunctionalInterface
public interface SeatAccounts {

	Optional<SeatAccount> byUsername(String username);
}
