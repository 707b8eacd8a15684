package com.calldesk.connector.standalone;

import java.util.List;

import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.TenantRef;

/** The tenant's own users, supplied by the application (the connector has no data access of its own). */
@FunctionalInterface
public interface LocalUsers {

	List<PlatformUser> of(TenantRef tenant);
}
