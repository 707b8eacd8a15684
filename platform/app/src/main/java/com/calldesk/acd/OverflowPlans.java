package com.calldesk.acd;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.provisioning.tenants.TenantDirectory;

/** A tenant's overflow plan in its schema ({@link TenantSettingsCache}). */
@Service
public class OverflowPlans {

	private final AcdMapper mapper;

	private final Clock clock;

	private final TenantSettingsCache<OverflowPlan> plans;

	OverflowPlans(AcdMapper mapper, TenantDirectory tenants, TransactionTemplate transactions, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
		// when the plan cannot be read, the messages: a caller is never left in silence by a fault
		this.plans = new TenantSettingsCache<>("Overflow plan", tenants, transactions, this::read, OverflowPlan.MESSAGES);
	}

	public OverflowPlan of(long tenantId) {
		return plans.of(tenantId);
	}

	public OverflowPlan save(long tenantId, OverflowPlan changed, String by) {
		return plans.save(tenantId, () -> {
			changed.rules().forEach((situation, rule) -> mapper.saveOverflowAction(situation.name(), rule.action().name(), rule.forwardTo()));
			mapper.saveVoicemailMax((int) changed.voicemailMax().toSeconds(), by, clock.instant());
		});
	}

	private OverflowPlan read() {
		Map<OverflowPlan.Situation, OverflowPlan.Rule> rules = new EnumMap<>(OverflowPlan.Situation.class);
		for (Map<String, Object> row : mapper.overflowActions()) {
			Map<String, Object> action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			action.putAll(row);
			rules.put(OverflowPlan.Situation.valueOf(action.get("situation").toString()),
					new OverflowPlan.Rule(OverflowPlan.Action.valueOf(action.get("action").toString()), (String) action.get("forward_to")));
		}
		Integer seconds = mapper.voicemailMaxSeconds();
		return new OverflowPlan(rules, seconds == null ? OverflowPlan.DEFAULT_VOICEMAIL_MAX : Duration.ofSeconds(seconds));
	}
}
