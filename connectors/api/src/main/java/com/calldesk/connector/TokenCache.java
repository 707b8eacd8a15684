package com.calldesk.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * Where connectors keep platform access tokens, shared by the nodes of a cluster (Redis in production)
 * so that every node does not fetch its own. Keys are chosen by the connector and include the app id.
 */
public interface TokenCache {

	Optional<String> get(String key);

	void put(String key, String token, Duration ttl);

	void evict(String key);
}
