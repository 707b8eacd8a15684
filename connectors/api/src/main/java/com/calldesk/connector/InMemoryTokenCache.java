package com.calldesk.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens kept in this process: the embedded default's cache, and the tests'. */
public final class InMemoryTokenCache implements TokenCache {

	private record Entry(String token, Instant expires) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	public InMemoryTokenCache() {
		this(Clock.systemUTC());
	}

	public InMemoryTokenCache(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Optional<String> get(String key) {
		Entry entry = entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!clock.instant().isBefore(entry.expires())) {
			entries.remove(key, entry);
			return Optional.empty();
		}
		return Optional.of(entry.token());
	}

	@Override
	public void put(String key, String token, Duration ttl) {
		entries.put(key, new Entry(token, clock.instant().plus(ttl)));
	}

	@Override
	public void evict(String key) {
		entries.remove(key);
	}
}
