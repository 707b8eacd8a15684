package com.calldesk.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Locations shared by every node: one Redis hash per seat, each phone an entry that expires with its registration. */
public final class RedisLocations implements Locations {

	private final RedissonClient redisson;

	private final String prefix;

	private final Clock clock;

	public RedisLocations(RedissonClient redisson, String prefix, Clock clock) {
		this.redisson = redisson;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	public List<Binding> of(String aor) {
		return map(aor).readAllValues().stream().map(Binding::decode)
			.filter(b -> b.expiresAt().isAfter(clock.instant()))
			.sorted(Comparator.comparing(Binding::expiresAt).reversed())
			.toList();
	}

	@Override
	public void put(Binding binding) {
		long ttl = Math.max(1, Duration.between(clock.instant(), binding.expiresAt()).toMillis());
		map(binding.aor()).fastPut(binding.contact(), binding.encode(), ttl, java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	@Override
	public void remove(String aor, String contact) {
		map(aor).fastRemove(contact);
	}

	@Override
	public void removeAll(String aor) {
		map(aor).delete();
	}

	private RMapCache<String, String> map(String aor) {
		return redisson.getMapCache(prefix + "loc:" + aor, StringCodec.INSTANCE);
	}
}
