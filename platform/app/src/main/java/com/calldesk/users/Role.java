package com.calldesk.users;

/** What a user may do; the only thing an agent needs beyond this is a bound seat. */
public enum Role {
	AGENT, SUPERVISOR, TENANT_ADMIN
}
