package com.calldesk.connector;

import java.util.List;

/**
 * One platform port. Stateless about tenants: the application keeps each tenant's credentials and
 * asks for a {@link TenantPort} bound to them; the connector builds its SDK clients there.
 */
public interface PlatformConnector {

	Platform platform();

	/** What a tenant administrator enters to connect this platform, in display order. */
	List<CredentialField> credentialFields();

	/**
	 * The tenant's side of the platform. Cheap enough to call again when credentials change; the caller
	 * caches it. Throws {@link PlatformException} ({@code INVALID_CREDENTIALS}) when a required field is missing.
	 */
	TenantPort open(TenantRef tenant, Credentials credentials);
}
