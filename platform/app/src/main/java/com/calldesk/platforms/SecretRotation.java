package com.calldesk.platforms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/** After a key rotation, re-encrypts every tenant's platform secrets under the current key, a while after start and hourly. */
@Component
class SecretRotation {

	private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

	private final TenantDirectory tenants;

	private final PlatformLinks links;

	SecretRotation(TenantDirectory tenants, PlatformLinks links) {
		this.tenants = tenants;
		this.links = links;
	}

	@Scheduled(initialDelayString = "${calldesk.platforms.reencrypt-after:2m}", fixedDelayString = "${calldesk.platforms.reencrypt-every:1h}")
	void reencrypt() {
		if (!links.canKeepSecrets()) {
			return;
		}
		for (Tenant tenant : tenants.all()) {
			try {
				int resealed = TenantContext.call(tenants.scopeOf(tenant), links::reencrypt);
				if (resealed > 0) {
					log.info("Re-encrypted {} platform links of tenant {} under the current key", resealed, tenant.getCode());
				}
			}
			catch (RuntimeException e) {
				log.error("Re-encrypting the platform links of tenant {} failed; the next run tries again", tenant.getCode(), e);
			}
		}
	}
}
