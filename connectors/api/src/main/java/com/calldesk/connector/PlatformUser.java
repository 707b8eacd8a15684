package com.calldesk.connector;

import java.util.Map;

/**
 * A user as the platform knows them. {@code mobile} is often missing (WeCom directory listings,
 * apps without the phone permission), so nothing may depend on it.
 */
public record PlatformUser(String platformUserId, String displayName, String mobile, Map<String, String> altIds) {

	public PlatformUser {
		altIds = altIds == null ? Map.of() : Map.copyOf(altIds);
	}
}
