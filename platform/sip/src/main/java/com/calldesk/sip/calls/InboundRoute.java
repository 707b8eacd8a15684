package com.calldesk.sip.calls;

/** Where a number dialled from outside leads: a tenant's trunk number and its channel cap. */
public record InboundRoute(long tenantId, String tenantCode, long trunkNumberId, String trunkNumber, int channelLimit) {

	public String channelKey() {
		return "trunk:" + trunkNumberId;
	}
}
