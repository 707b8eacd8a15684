package com.calldesk.connector;

/** The tenant a connector call is made for; connectors keep per-tenant credentials keyed by it. */
public record TenantRef(long tenantId, String code) {
}
