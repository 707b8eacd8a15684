package com.calldesk.acd;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.journal.OrderedWrites;
import com.calldesk.journal.Write;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/**
 * The ACD's reads and writes in a tenant's schema: its settings (cached a few seconds), the agent
 * journal and the per-call event journal. The journals are written off the caller's thread
 * ({@link OrderedWrites}): a write never holds up a call, and one the database cannot take now is retried.
 */
@Component
public class AcdJournal {

	private static final Logger log = LoggerFactory.getLogger(AcdJournal.class);

	private final AcdMapper mapper;

	private final TenantDirectory tenants;

	private final LoadingCache<Long, AcdSettings> settings;

	private final OrderedWrites writes;

	AcdJournal(AcdMapper mapper, TenantDirectory tenants, OrderedWrites writes) {
		this.mapper = mapper;
		this.tenants = tenants;
		this.writes = writes;
		// reloaded every 5 s off the SIP threads; a reload the database cannot answer keeps what was read before
		this.settings = Caffeine.newBuilder().maximumSize(10_000).refreshAfterWrite(Duration.ofSeconds(5)).build(new CacheLoader<>() {
			@Override
			public AcdSettings load(Long tenantId) {
				return AcdJournal.this.load(tenantId, AcdSettings.DEFAULTS);
			}

			@Override
			public AcdSettings reload(Long tenantId, AcdSettings before) {
				return AcdJournal.this.load(tenantId, before);
			}
		});
	}

	AcdSettings settings(long tenantId) {
		return settings.get(tenantId);
	}

	void settingsChanged(long tenantId) {
		settings.invalidate(tenantId);
	}

	/** Queued, in order per seat, off the caller's thread. */
	void agent(SeatAgent agent) {
		writes.submit(Write.of("seat:" + agent.tenantId() + ":" + agent.seat(), agent.tenantId(), () -> mapper.logAgent(agent)));
	}

	/** Queued in order with the call's record: a step is in the journal before the record that closes after it. */
	void call(long tenantId, String callId, String kind, String seat, String detail, Instant at) {
		writes.submit(Write.of(callId, tenantId, () -> mapper.logCall(callId, kind, seat, detail, at)));
	}

	/** The ACD steps of one call of the tenant, in order. */
	public java.util.List<CallStep> stepsOf(long tenantId, String callId) {
		return TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), () -> mapper.stepsOf(callId));
	}

	/**
	 * The sticky agent of a caller. Records hold calls out in E.164 and calls in as the carrier
	 * presented the caller (13800001111, 008613800001111 …), so every spelling of the number is matched.
	 * A caller without a phone number (anonymous, a bare name) has no agent of their own: those are many
	 * people under one name.
	 */
	String lastSeatOf(long tenantId, String customerNumber) {
		java.util.Set<String> spellings = PhoneNumbers.spellingsOfNumber(customerNumber);
		// while the database is away (writes have started failing) the call goes to any agent rather than
		// holding a SIP thread until the pool gives up on a connection
		if (spellings.isEmpty() || !writes.stalledFor().isZero()) {
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

	private AcdSettings load(long tenantId, AcdSettings fallback) {
		try {
			AcdSettings stored = TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), mapper::settings);
			return stored != null ? stored : AcdSettings.DEFAULTS;
		}
		catch (RuntimeException ex) {
			log.warn("ACD settings of tenant {} unreadable; {} used", tenantId, fallback == AcdSettings.DEFAULTS ? "defaults" : "the last read",
					ex.toString());
			return fallback;
		}
	}
}
