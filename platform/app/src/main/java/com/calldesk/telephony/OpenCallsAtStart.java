package com.calldesk.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;

/** A node that stopped mid-call left call records open: closes them at start, before new calls come in. */
@Component
class OpenCallsAtStart implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OpenCallsAtStart.class);

	private final TenantDirectory tenants;

	private final CallRecords records;

	private final SipNode node;

	OpenCallsAtStart(TenantDirectory tenants, CallRecords records, SipNode node) {
		this.tenants = tenants;
		this.records = records;
		this.node = node;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int closed = tenants.active().stream()
			.mapToInt(tenant -> TenantContext.call(tenants.scopeOf(tenant), () -> records.closeOrphans(node.id())))
			.sum();
		if (closed > 0) {
			log.warn("Closed {} call records left open when node {} stopped", closed, node.id());
		}
	}
}
