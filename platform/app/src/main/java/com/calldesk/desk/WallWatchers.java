package com.calldesk.desk;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The monitor-wall sockets subscribed on this node, by tenant: every agent change of a tenant reaches
 * its supervisors watching here, and nobody else's.
 */
@Component
class WallWatchers {

	private final Map<Long, Map<String, DeskPrincipal>> byTenant = new ConcurrentHashMap<>();

	void subscribed(DeskPrincipal user, String session) {
		byTenant.computeIfAbsent(user.tenantId(), k -> new ConcurrentHashMap<>()).put(session, user);
	}

	void closed(DeskPrincipal user, String session) {
		byTenant.computeIfPresent(user.tenantId(), (k, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	/** The users watching the tenant's wall here (one user, several tabs, counts once). */
	Set<DeskPrincipal> of(long tenantId) {
		Map<String, DeskPrincipal> sessions = byTenant.get(tenantId);
		return sessions == null ? Set.of() : Set.copyOf(sessions.values());
	}
}
