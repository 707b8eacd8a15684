package com.calldesk.acd;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/** A tenant's overflow plan in its schema, cached five seconds for the ACD, saved whole in one transaction. */
@Service
public class OverflowPlans {

	private static final Logger log = LoggerFactory.getLogger(OverflowPlans.class);

	private final AcdMapper mapper;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final LoadingCache<Long, OverflowPlan> plans;

	OverflowPlans(AcdMapper mapper, TenantDirectory tenants, TransactionTemplate transactions, Clock clock) {
		this.mapper = mapper;
		this.tenants = tenants;
		this.transactions = transactions;
		this.clock = clock;
		this.plans = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build(this::load);
	}

	/** The plan the ACD applies; when it cannot be read, the messages (a caller is never left in silence by a fault). */
	public OverflowPlan of(long tenantId) {
		return plans.get(tenantId);
	}

	public OverflowPlan save(long tenantId, OverflowPlan changed, String by) {
		TenantContext.run(tenants.scopeOf(tenants.require(tenantId)), () -> transactions.executeWithoutResult(status -> {
			changed.rules().forEach((situation, rule) -> mapper.saveOverflowAction(situation.name(), rule.action().name(), rule.forwardTo()));
			mapper.saveVoicemailMax((int) changed.voicemailMax().toSeconds(), by, clock.instant());
		}));
		plans.invalidate(tenantId);
		return of(tenantId);
	}

	private OverflowPlan load(long tenantId) {
		try {
			return TenantContext.call(tenants.scopeOf(tenants.require(tenantId)), () -> {
				Map<OverflowPlan.Situation, OverflowPlan.Rule> rules = new EnumMap<>(OverflowPlan.Situation.class);
				for (Map<String, Object> row : mapper.overflowActions()) {
					Map<String, Object> action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
					action.putAll(row);
					rules.put(OverflowPlan.Situation.valueOf(action.get("situation").toString()),
							new OverflowPlan.Rule(OverflowPlan.Action.valueOf(action.get("action").toString()), (String) action.get("forward_to")));
				}
				Integer seconds = mapper.voicemailMaxSeconds();
				return new OverflowPlan(rules, seconds == null ? OverflowPlan.DEFAULT_VOICEMAIL_MAX : Duration.ofSeconds(seconds));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Overflow plan of tenant {} unreadable; callers hear the messages until it is", tenantId, ex);
			return OverflowPlan.MESSAGES;
		}
	}
}
