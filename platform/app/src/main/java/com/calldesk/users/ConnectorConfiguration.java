package com.calldesk.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.standalone.StandaloneConnector;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/** The standalone port, whose directory is the tenant's own user list. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	PlatformConnector standaloneConnector(UserAccounts users, TenantDirectory tenants) {
		return new StandaloneConnector(tenant -> TenantContext.call(tenants.scopeOf(tenants.require(tenant.tenantId())),
				() -> users.all().stream()
					.map(u -> new PlatformUser(Long.toString(u.getId()), u.getDisplayName(), u.getMobile()))
					.toList()));
	}
}
