package com.calldesk.users;

import java.io.Serializable;

import com.calldesk.tenancy.TenantSchema;
import com.calldesk.tenancy.TenantScope;

/** The principal of a tenant user's session; it carries the tenant so every request can be scoped. */
public record SignedInUser(long tenantId, String tenantCode, String schemaName, long userId, String username,
		String displayName, Role role) implements Serializable {

	public TenantScope tenant() {
		return new TenantScope(tenantId, tenantCode, new TenantSchema(schemaName));
	}
}
