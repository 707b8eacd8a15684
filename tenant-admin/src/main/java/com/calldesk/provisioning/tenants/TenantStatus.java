package com.calldesk.provisioning.tenants;

/** PROVISIONING while the schema is being built; only ACTIVE tenants sign in or take calls. */
public enum TenantStatus {
	PROVISIONING, ACTIVE, SUSPENDED
}
