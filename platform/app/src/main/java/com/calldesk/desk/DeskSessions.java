package com.calldesk.desk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The desktop sockets subscribed on this node, by tenant and seat: an event is delivered only to the
 * users whose seat it concerns, and only the node holding their socket delivers it.
 */
@Component
class DeskSessions {

	private final Map<String, Map<String, DeskPrincipal>> bySeat = new ConcurrentHashMap<>();

	/** {@code session} of {@code user} now listens. */
	void subscribed(DeskPrincipal user, String session) {
		if (user.seat() != null) {
			bySeat.computeIfAbsent(key(user.tenantId(), user.seat()), k -> new ConcurrentHashMap<>()).put(session, user);
		}
	}

	void closed(DeskPrincipal user, String session) {
		if (user.seat() == null) {
			return;
		}
		bySeat.computeIfPresent(key(user.tenantId(), user.seat()), (k, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	/** The seat is no longer theirs: their sockets on this node get nothing more of it (each node hears this). */
	@org.springframework.context.event.EventListener
	void on(com.calldesk.calls.SeatReleased released) {
		bySeat.computeIfPresent(key(released.tenantId(), released.seat()), (k, sessions) -> {
			sessions.values().removeIf(user -> user.userId() == released.userId());
			return sessions.isEmpty() ? null : sessions;
		});
	}

	/** The users listening for the seat here (one user, several tabs, counts once); empty when none. */
	Set<DeskPrincipal> of(long tenantId, String seat) {
		Map<String, DeskPrincipal> sessions = seat == null ? null : bySeat.get(key(tenantId, seat));
		return sessions == null ? Set.of() : Set.copyOf(sessions.values());
	}

	Optional<DeskPrincipal> anyOf(long tenantId, String seat) {
		return of(tenantId, seat).stream().findFirst();
	}

	private static String key(long tenantId, String seat) {
		return tenantId + "/" + seat;
	}
}
