package com.calldesk.acd;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/** Reads and changes a tenant's queue settings; a change counts from the next decision on this node. */
@Service
public class AcdSettingsService {

	private final AcdMapper mapper;

	private final AcdJournal journal;

	private final TenantDirectory tenants;

	private final Clock clock;

	AcdSettingsService(AcdMapper mapper, AcdJournal journal, TenantDirectory tenants, Clock clock) {
		this.mapper = mapper;
		this.journal = journal;
		this.tenants = tenants;
		this.clock = clock;
	}

	public AcdSettings of(long tenantId) {
		return journal.settings(tenantId);
	}

	/** One UPDATE in the tenant's schema (a transaction around it would have to start after the tenant is bound). */
	public AcdSettings save(long tenantId, AcdSettings settings, String by) {
		if (!settings.announceEveryValid()) {
			throw DomainException.badRequest("acd.announce-every-invalid", AcdSettings.MIN_ANNOUNCE_EVERY_S);
		}
		AcdSettings saved = settings.announcingEveryWhenUnset((int) of(tenantId).announceEvery().toSeconds());
		TenantContext.run(tenants.scopeOf(tenants.require(tenantId)), () -> mapper.saveSettings(saved, by, clock.instant()));
		journal.settingsChanged(tenantId);
		return journal.settings(tenantId);
	}
}
