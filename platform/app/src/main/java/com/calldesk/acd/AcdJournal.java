package com.calldesk.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/**
 * The ACD's reads and writes in a tenant's schema: its settings (cached a few seconds), the agent
 * journal and the per-call event journal. A failed write is logged, never thrown: the call goes on.
 */
@Component
public class AcdJournal {

	private static final Logger log = LoggerFactory.getLogger(AcdJournal.class);

	private final AcdMapper mapper;

	private final TenantDirectory tenants;

	private final LoadingCache<Long, AcdSettings> settings;

	AcdJournal(AcdMapper mapper, TenantDirectory tenants) {
		this.mapper = mapper;
		this.tenants = tenants;
		this.settings = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build(this::load);
	}

	AcdSettings settings(long tenantId) {
		return settings.get(tenantId);
	}

	void settingsChanged(long tenantId) {
		settings.invalidate(tenantId);
	}

	void agent(SeatAgent agent) {
		in(agent.tenantId(), m -> m.logAgent(agent));
	}

	void call(long tenantId, String callId, String kind, String seat, String detail, Instant at) {
		in(tenantId, m -> m.logCall(callId, kind, seat, detail, at));
	}

	/** The ACD steps of one call of the tenant, in order. */
	public java.util.List<CallStep> stepsOf(long tenantId, String callId) {
		return TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), () -> mapper.stepsOf(callId));
	}

	/**
	 * The sticky agent of a caller. Records hold calls out in E.164 and calls in as the carrier
	 * presented the caller (13800001111, 008613800001111 …), so every spelling of the number is matched.
	 */
	String lastSeatOf(long tenantId, String customerNumber) {
		java.util.Set<String> spellings = PhoneNumbers.spellings(customerNumber);
		if (spellings.isEmpty()) {
			return null;
		}
		try {
			return TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), () -> mapper.lastSeatOf(spellings));
		}
		catch (RuntimeException ex) {
			log.warn("Sticky-agent lookup for tenant {} failed", tenantId, ex);
			return null;
		}
	}

	private AcdSettings load(long tenantId) {
		try {
			AcdSettings stored = TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), mapper::settings);
			return stored != null ? stored : AcdSettings.DEFAULTS;
		}
		catch (RuntimeException ex) {
			log.warn("ACD settings of tenant {} unreadable; defaults used", tenantId, ex);
			return AcdSettings.DEFAULTS;
		}
	}

	private void in(long tenantId, Consumer<AcdMapper> write) {
		try {
			TenantContext.run(tenants.scopeOf(tenants.require(tenantId)), () -> write.accept(mapper));
		}
		catch (RuntimeException ex) {
			log.warn("ACD journal of tenant {} not written", tenantId, ex);
		}
	}
}
