package com.calldesk.sip.calls;

import java.util.List;

/**
 * What a call was routed by: its tenant, the trunk number (inbound), or the display number it uses
 * (outbound, or inbound when a customer calls it back), and the channels it holds until it ends.
 */
record CallRoute(boolean inbound, long tenantId, String tenantCode, Long trunkNumberId, String trunkNumber, String displayNumber,
		List<String> channelKeys) {

	/** A customer's call in: to a trunk number, or to a display number called back (the record keeps which). */
	static CallRoute of(InboundRoute route) {
		return new CallRoute(true, route.tenantId(), route.tenantCode(), route.trunkNumberId(), route.trunkNumber(), route.displayNumber(),
				List.of(route.channelKey()));
	}

	/** A seat's call out: the gateway's channel and the display number's. */
	static CallRoute outbound(long tenantId, String tenantCode, OutboundRouting.Route route, OutboundRouting.DisplayNumberChoice display) {
		return new CallRoute(false, tenantId, tenantCode, null, null, display.number(), List.of(route.gatewayChannelKey(), display.channelKey()));
	}
}
