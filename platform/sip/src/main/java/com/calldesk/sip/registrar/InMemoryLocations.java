package com.calldesk.sip.registrar;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Locations of a single node; expired bindings vanish as they are read. */
public final class InMemoryLocations implements Locations {

	private final Map<String, Map<String, Binding>> byAor = new ConcurrentHashMap<>();

	private final Clock clock;

	public InMemoryLocations(Clock clock) {
		this.clock = clock;
	}

	@Override
	public List<Binding> of(String aor) {
		Map<String, Binding> bindings = byAor.get(aor);
		if (bindings == null) {
			return List.of();
		}
		bindings.values().removeIf(b -> !b.expiresAt().isAfter(clock.instant()));
		if (bindings.isEmpty()) {
			byAor.remove(aor, bindings);
		}
		return bindings.values().stream().sorted(Comparator.comparing(Binding::expiresAt).reversed()).toList();
	}

	@Override
	public void put(Binding binding) {
		byAor.computeIfAbsent(binding.aor(), k -> new ConcurrentHashMap<>()).put(binding.contact(), binding);
	}

	@Override
	public void remove(String aor, String contact) {
		byAor.computeIfPresent(aor, (k, bindings) -> {
			bindings.remove(contact);
			return bindings.isEmpty() ? null : bindings;
		});
	}

	@Override
	public void removeAll(String aor) {
		byAor.remove(aor);
	}
}
