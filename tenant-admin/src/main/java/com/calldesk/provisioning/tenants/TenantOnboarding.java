package com.calldesk.provisioning.tenants;

import com.calldesk.tenancy.TenantScope;

/**
 * What the rest of the platform does inside a new tenant's schema once it is migrated: today, the
 * first tenant administrator. Called with the tenant bound; a failure rolls the whole opening back.
 */
public interface TenantOnboarding {

	InitialAdmin initialize(TenantScope tenant, TenantApplication application);

	/** The first administrator's sign-in, shown once to the staff member who approved. */
	record InitialAdmin(String username, String password) {
	}
}
