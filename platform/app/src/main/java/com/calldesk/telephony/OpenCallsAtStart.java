package com.calldesk.telephony;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.ActiveCalls;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * A node that stopped mid-call left call records behind: first the steps its journal kept that the
 * database never got are replayed, then every record of the node still open is closed as
 * {@code node-restart}, but for calls this run already carries.
 */
@Component
class OpenCallsAtStart implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OpenCallsAtStart.class);

	private final TenantDirectory tenants;

	private final CallRecords records;

	private final RecordJournal journal;

	private final ActiveCalls active;

	private final SipNode node;

	OpenCallsAtStart(TenantDirectory tenants, CallRecords records, RecordJournal journal, ActiveCalls active, SipNode node) {
		this.tenants = tenants;
		this.records = records;
		this.journal = journal;
		this.active = active;
		this.node = node;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (replay(journal.leftOverSteps())) {
			journal.forgetLeftOver();
		}
		int closed = tenants.active().stream()
			.mapToInt(tenant -> TenantContext.call(tenants.scopeOf(tenant), () -> records.closeOrphans(node.id(), active::carries)))
			.sum();
		if (closed > 0) {
			log.warn("Closed {} call records left open when node {} stopped", closed, node.id());
		}
	}

	/** Replays the steps; false when some could not be written now (they are kept for the next start). */
	private boolean replay(Collection<RecordJournal.Entry> steps) {
		if (steps.isEmpty()) {
			return true;
		}
		Map<Long, List<RecordJournal.Entry>> byTenant = steps.stream().collect(Collectors.groupingBy(e -> e.call().tenantId()));
		int replayed = 0;
		boolean complete = true;
		for (Map.Entry<Long, List<RecordJournal.Entry>> tenant : byTenant.entrySet()) {
			Optional<TenantScope> scope = tenants.scopeById(tenant.getKey());
			if (scope.isEmpty()) {
				log.warn("Journal steps of {} calls of tenant {}, which does not exist here, skipped", tenant.getValue().size(), tenant.getKey());
				continue;
			}
			for (RecordJournal.Entry entry : tenant.getValue()) {
				try {
					TenantContext.run(scope.get(), () -> records.replay(entry.call(), RecordStep.Kind.CLOSE.name().equals(entry.kind())));
					replayed++;
				}
				catch (RuntimeException ex) {
					complete = false;
					log.error("Journal step of call {} of tenant {} not replayed; kept for the next start", entry.call().callId(), tenant.getKey(), ex);
				}
			}
		}
		log.info("Replayed the journal of node {}: the last steps of {} calls", node.id(), replayed);
		return complete;
	}
}
