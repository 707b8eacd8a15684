package com.calldesk.tenancy;

import java.util.regex.Pattern;

/**
 * A validated schema name. Schema names reach DDL and {@code setCatalog}, which take no bind
 * parameters, so nothing but lower-case letters, digits and underscores is ever accepted.
 */
public record TenantSchema(String name) {

	private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	public TenantSchema {
		if (name == null || !SAFE.matcher(name).matches()) {
			throw new IllegalArgumentException("Unsafe schema name: " + name);
		}
	}

	/** The schema of the tenant with this code, under the given platform schema. */
	public static TenantSchema forTenant(String platformSchema, String tenantCode) {
		if (tenantCode == null || !tenantCode.matches("[0-9]{4,12}")) {
			throw new IllegalArgumentException("Tenant code must be 4-12 digits: " + tenantCode);
		}
		return new TenantSchema(platformSchema + "_t_" + tenantCode);
	}

	@Override
	public String toString() {
		return name;
	}
}
