package com.calldesk.connector;

/** The tenant's people on the platform, to bind seats to. */
public interface Directory {

	DirectoryPage users(TenantRef tenant, String cursor);
}
