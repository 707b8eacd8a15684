package com.calldesk.acd;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/**
 * Settings the ACD reads on every call, kept in each tenant's schema: read in the tenant's scope and
 * cached five seconds; when they cannot be read, a fallback that never turns a caller away; saved whole
 * in one transaction, after which this node reads them afresh.
 */
final class TenantSettingsCache<T> {

	private static final Logger log = LoggerFactory.getLogger(TenantSettingsCache.class);

	private final String what;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	private final LoadingCache<Long, T> cache;

	TenantSettingsCache(String what, TenantDirectory tenants, TransactionTemplate transactions, Supplier<T> read, T fallback) {
		this.what = what;
		this.tenants = tenants;
		this.transactions = transactions;
		// refreshed every 5 s off the SIP threads, not expired: while the database is away a call is routed on
		// what was read before (a reload that fails keeps it) instead of waiting on a connection, then the fallback
		this.cache = Caffeine.newBuilder().maximumSize(10_000).refreshAfterWrite(Duration.ofSeconds(5)).build(new CacheLoader<Long, T>() {
			@Override
			public T load(Long tenantId) {
				try {
					return read(tenantId, read);
				}
				catch (RuntimeException ex) {
					log.warn("{} of tenant {} unreadable; using the fallback until they are", what, tenantId, ex);
					return fallback;
				}
			}

			@Override
			public T reload(Long tenantId, T before) {
				return read(tenantId, read);
			}
		});
	}

	private T read(long tenantId, Supplier<T> read) {
		return TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), read::get);
	}

	T of(long tenantId) {
		return cache.get(tenantId);
	}

	/** Runs {@code writes} in the tenant's scope and one transaction, then reads the settings again. */
	T save(long tenantId, Runnable writes) {
		TenantContext.run(tenants.scopeOf(tenants.require(tenantId)), () -> transactions.executeWithoutResult(status -> writes.run()));
		cache.invalidate(tenantId);
		return of(tenantId);
	}

	@Override
	public String toString() {
		return what;
	}
}
