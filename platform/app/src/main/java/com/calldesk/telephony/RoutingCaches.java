package com.calldesk.telephony;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.calldesk.provisioning.resources.ProvisioningChanged;

/**
 * Provisioning as call routing reads it, cached: a REGISTER or an INVITE must not cost a query of the
 * platform schema (every gateway, the seat, the trunk number) at thousands per second. A change made
 * on this node is seen by the next request (the caches are dropped when it commits); in production it
 * is announced on the Redis topic {@code <prefix>provisioning} so the other nodes drop theirs too, and
 * entries are reloaded after {@code calldesk.routing.cache-ttl} whatever happens to a message: the first
 * request after the TTL starts the reload and still gets the old entry, the next one the new. A reload
 * that fails (the database away) keeps the old entry, so calls to known numbers and seats still route.
 */
@Component
class RoutingCaches {

	private final Duration ttl;

	private final List<LoadingCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	private final List<Runnable> others = new CopyOnWriteArrayList<>();

	private final RTopic topic;

	RoutingCaches(@Value("${calldesk.routing.cache-ttl:10s}") Duration ttl, Environment environment,
			ObjectProvider<RedissonClient> redisson) {
		this.ttl = ttl;
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			this.topic = redisson.getObject()
				.getTopic(environment.getProperty("calldesk.redis.prefix", "calldesk:") + "provisioning", StringCodec.INSTANCE);
			this.topic.addListener(String.class, (channel, tenant) -> forgetAll());
		}
		else {
			this.topic = null;
		}
	}

	<K, V> LoadingCache<K, V> cache(int maximumSize, Function<K, V> loader) {
		// refreshed, not expired: a request after the TTL still gets the entry while it reloads off the caller's
		// thread, and while the database is away the entry stays (its reload fails and is tried again)
		LoadingCache<K, V> cache = Caffeine.newBuilder().maximumSize(maximumSize).refreshAfterWrite(ttl).build(loader::apply);
		caches.add(cache);
		return cache;
	}

	/** After the change commits: a routing read inside the same transaction would cache what may still roll back. */
	@TransactionalEventListener(fallbackExecution = true)
	void provisioningChanged(ProvisioningChanged change) {
		forgetAll();
		if (topic != null) {
			topic.publish(Long.toString(change.tenantId()));
		}
	}

	/** Also run {@code forget} whenever provisioning changes on any node (a cache kept elsewhere, like the balance gate's). */
	void onForget(Runnable forget) {
		others.add(forget);
	}

	void forgetAll() {
		caches.forEach(LoadingCache::invalidateAll);
		others.forEach(Runnable::run);
	}
}
