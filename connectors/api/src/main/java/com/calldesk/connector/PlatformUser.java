package com.calldesk.connector;

import java.util.List;
import java.util.Map;

/**
 * A person as the platform knows them, identified by the organisation-scoped id (DingTalk userid,
 * WeCom userid, Feishu user_id or open_id). {@code mobile} is often missing (WeCom listings, apps
 * without the phone permission), so nothing may depend on it; {@code departmentIds} may be empty.
 */
public record PlatformUser(String platformUserId, String displayName, String mobile, List<String> departmentIds,
		Map<String, String> altIds) {

	public PlatformUser {
		departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
		altIds = altIds == null ? Map.of() : Map.copyOf(altIds);
	}

	public PlatformUser(String platformUserId, String displayName, String mobile) {
		this(platformUserId, displayName, mobile, List.of(), Map.of());
	}
}
