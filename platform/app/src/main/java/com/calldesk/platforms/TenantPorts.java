package com.calldesk.platforms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.calldesk.connector.Platform;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The current tenant's port on a platform, built from its link once per saved version: the SDK clients
 * (and WeCom's connection pool) are made again only when the credentials change.
 */
@Component
public class TenantPorts {

	private record Key(long tenantId, Platform platform) {
	}

	private record Built(int version, TenantPort port) {
	}

	private final Map<Key, Built> built = new ConcurrentHashMap<>();

	private final Connectors connectors;

	private final PlatformLinks links;

	TenantPorts(Connectors connectors, PlatformLinks links) {
		this.connectors = connectors;
		this.links = links;
	}

	/** Empty when the tenant has not connected the platform or has switched it off. */
	public Optional<TenantPort> port(Platform platform) {
		TenantScope tenant = TenantContext.require();
		Key key = new Key(tenant.tenantId(), platform);
		Optional<PlatformLinks.Link> link = links.enabled(platform);
		if (link.isEmpty()) {
			built.remove(key);
			return Optional.empty();
		}
		Built current = built.get(key);
		if (current == null || current.version() != link.get().version()) {
			current = new Built(link.get().version(),
					connectors.require(platform).open(new TenantRef(tenant.tenantId(), tenant.code()), link.get().credentials()));
			built.put(key, current);
		}
		return Optional.of(current.port());
	}

	/** Like {@link #port} but for a page or request that cannot go on without it. */
	public TenantPort require(Platform platform) {
		return port(platform).orElseThrow(() -> com.calldesk.problem.DomainException.notFound("platform.not-connected", PlatformProblems.named(platform)));
	}
}
