package com.calldesk.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/**
 * A tenant's recent average handle time, for the expected wait that queue announcements say (B7): the
 * mean talk time of its latest {@value #SAMPLE} answered inbound calls, plus its wrap-up setting (an
 * agent is not free again until wrap-up ends). Read from the call records, so every node sees the same
 * calls and a restart forgets nothing; cached a minute per tenant, since it moves slowly and every
 * waiting caller asks at every announcement. Empty when the tenant has answered nothing yet.
 */
@Component
class HandleTimes {

	private static final Logger log = LoggerFactory.getLogger(HandleTimes.class);

	static final int SAMPLE = 20;

	private final AcdMapper mapper;

	private final TenantDirectory tenants;

	private final AcdJournal journal;

	private final LoadingCache<Long, Optional<Duration>> talk;

	HandleTimes(AcdMapper mapper, TenantDirectory tenants, AcdJournal journal) {
		this.mapper = mapper;
		this.tenants = tenants;
		this.journal = journal;
		this.talk = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build(this::load);
	}

	Optional<Duration> average(long tenantId) {
		return talk.get(tenantId).map(t -> t.plus(journal.settings(tenantId).wrapUp()));
	}

	private Optional<Duration> load(long tenantId) {
		try {
			return mean(TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), () -> mapper.latestAnsweredInbound(SAMPLE)));
		}
		catch (RuntimeException ex) {
			log.warn("Handle times of tenant {} unreadable; announcements say no wait", tenantId, ex);
			return Optional.empty();
		}
	}

	static Optional<Duration> mean(List<Talk> calls) {
		if (calls.isEmpty()) {
			return Optional.empty();
		}
		long millis = calls.stream().mapToLong(c -> Math.max(0, Duration.between(c.answeredAt(), c.endedAt()).toMillis())).sum();
		return Optional.of(Duration.ofMillis(millis / calls.size()));
	}

	/** One answered call's talk, from its answer to its end. */
	record Talk(Instant answeredAt, Instant endedAt) {
	}
}
