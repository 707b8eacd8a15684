package com.calldesk.tenancy;

import java.util.Objects;

/** The tenant a unit of work belongs to: its id in the platform schema, its code and its schema. */
public record TenantScope(long tenantId, String code, TenantSchema schema) {

	public TenantScope {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(schema, "schema");
	}
}
