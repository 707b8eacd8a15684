package com.calldesk.tenancy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tenants live.
 *
 * @param platformSchema the shared schema (a MySQL database) holding tenants and their resources;
 * tenant schemas are named {@code <platformSchema>_t_<tenant code>}
 * @param tenantLocations Flyway locations of the tenant-schema migrations
 */
@ConfigurationProperties("calldesk.tenancy")
public record TenancyProperties(@DefaultValue("calldesk") String platformSchema,
		@DefaultValue("classpath:db/tenant") List<String> tenantLocations) {

	public TenantSchema platform() {
		return new TenantSchema(platformSchema);
	}

	public TenantSchema schemaOf(String tenantCode) {
		return TenantSchema.forTenant(platformSchema, tenantCode);
	}
}
