package com.calldesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantSchemaMigrator;

/** Brings every tenant schema to the current version at start, before the web server takes requests. */
@Component
class TenantSchemaUpgrade implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TenantSchemaUpgrade.class);

	private final TenantDirectory tenants;

	private final TenantSchemaMigrator migrator;

	TenantSchemaUpgrade(TenantDirectory tenants, TenantSchemaMigrator migrator) {
		this.tenants = tenants;
		this.migrator = migrator;
	}

	@Override
	public void afterSingletonsInstantiated() {
		var active = tenants.active();
		active.forEach(tenant -> migrator.migrate(tenants.scopeOf(tenant).schema()));
		log.info("Tenant schemas up to date: {}", active.size());
	}
}
