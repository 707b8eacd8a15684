package com.calldesk.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import com.calldesk.connector.Department;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.TenantPort;
import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenantContext;

/**
 * The tenant's organisation on a platform, to pick people for seats: read whole through the connector
 * (departments and every page of people), kept five minutes per tenant and platform, searched here by
 * name, department or mobile, since the platforms' own search APIs differ and need more permissions.
 */
@Service
public class PlatformDirectory {

	static final Duration FRESH_FOR = Duration.ofMinutes(5);

	static final int MAX_PEOPLE = 20_000;

	/** One person as the binding page lists them. */
	public record Person(String platformUserId, String name, String mobile, List<String> departments, PlatformUser user) {
	}

	private record Snapshot(Instant readAt, List<Person> people) {
	}

	private record Key(long tenantId, Platform platform) {
	}

	private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final TenantPorts ports;

	private final Clock clock;

	PlatformDirectory(TenantPorts ports, Clock clock) {
		this.ports = ports;
		this.clock = clock;
	}

	/** At most {@code limit} people matching {@code query} (all when blank), in the platform's order. */
	public List<Person> search(Platform platform, String query, int limit) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		return people(platform).stream()
			.filter(p -> q.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(q) || (p.mobile() != null && p.mobile().contains(q))
					|| p.departments().stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).contains(q)))
			.limit(limit)
			.toList();
	}

	public Person require(Platform platform, String platformUserId) {
		return people(platform).stream().filter(p -> p.platformUserId().equals(platformUserId)).findFirst()
			.orElseThrow(() -> DomainException.notFound("platform.person-not-found", PlatformProblems.named(platform), platformUserId));
	}

	/** After a leave push or a binding the page must show the truth at once. */
	public void forget(Platform platform) {
		snapshots.remove(new Key(TenantContext.require().tenantId(), platform));
	}

	private List<Person> people(Platform platform) {
		Key key = new Key(TenantContext.require().tenantId(), platform);
		Snapshot snapshot = snapshots.get(key);
		if (snapshot == null || snapshot.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
			snapshot = new Snapshot(clock.instant(), read(ports.require(platform), platform));
			snapshots.put(key, snapshot);
		}
		return snapshot.people();
	}

	private static List<Person> read(TenantPort port, Platform platform) {
		try {
			Map<String, String> departmentNames = new LinkedHashMap<>();
			for (Department d : port.directory().departments()) {
				departmentNames.put(d.id(), d.name());
			}
			List<Person> people = new ArrayList<>();
			String cursor = null;
			do {
				DirectoryPage page = port.directory().users(cursor);
				for (PlatformUser u : page.users()) {
					people.add(new Person(u.platformUserId(), u.displayName(), u.mobile(),
							u.departmentIds().stream().map(id -> departmentNames.getOrDefault(id, id)).toList(), u));
				}
				cursor = page.nextCursor();
			}
			while (cursor != null && people.size() < MAX_PEOPLE);
			return List.copyOf(people);
		}
		catch (PlatformException e) {
			throw PlatformProblems.atSave(platform, e);
		}
	}
}
