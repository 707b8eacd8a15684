package com.calldesk.provisioning.resources;

/**
 * Something a tenant was given or had changed (seats, numbers, gateways, the tenant itself): whatever
 * caches provisioning for call routing must forget it once the change has committed.
 */
public record ProvisioningChanged(long tenantId, String kind) {
}
