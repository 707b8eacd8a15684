package com.calldesk.platforms;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.problem.DomainException;

/** The platform connectors this build carries, by platform; the standalone port is always on and needs no link. */
public final class Connectors {

	private final Map<Platform, PlatformConnector> byPlatform = new EnumMap<>(Platform.class);

	public Connectors(List<PlatformConnector> connectors) {
		connectors.forEach(c -> byPlatform.put(c.platform(), c));
	}

	/** The platforms a tenant may connect, in the order the settings page shows them. */
	public List<PlatformConnector> platforms() {
		return byPlatform.values().stream().filter(c -> c.platform() != Platform.STANDALONE)
			.sorted(Comparator.comparing(PlatformConnector::platform)).toList();
	}

	public PlatformConnector require(Platform platform) {
		PlatformConnector connector = platform == Platform.STANDALONE ? null : byPlatform.get(platform);
		if (connector == null) {
			throw DomainException.notFound("platform.unknown", platform);
		}
		return connector;
	}

	/** A platform named in a URL ({@code dingtalk}, {@code wecom}, {@code feishu}); anything else is not found. */
	public static Platform parse(String name) {
		for (Platform p : Platform.values()) {
			if (p != Platform.STANDALONE && p.name().equalsIgnoreCase(name)) {
				return p;
			}
		}
		throw DomainException.notFound("platform.unknown", name);
	}

	public static String slug(Platform platform) {
		return platform.name().toLowerCase(java.util.Locale.ROOT);
	}
}
