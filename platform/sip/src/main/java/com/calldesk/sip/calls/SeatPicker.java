package com.calldesk.sip.calls;

import java.util.Optional;
import java.util.function.Predicate;

/** Chooses the seat of a tenant to offer a call to (longest idle now; the full ACD later). */
public interface SeatPicker {

	/** A seat's SIP username, among those {@code reachable} says have a registered phone. */
	Optional<String> pick(long tenantId, Predicate<String> reachable);
}
