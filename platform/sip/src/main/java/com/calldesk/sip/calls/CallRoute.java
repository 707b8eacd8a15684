package com.calldesk.sip.calls;

import java.util.List;

/**
 * What a call was routed by: its tenant, the trunk number (inbound) or display number (outbound) it
 * uses, and the channels it holds until it ends.
 */
record CallRoute(boolean inbound, long tenantId, String tenantCode, Long trunkNumberId, String trunkNumber, String displayNumber,
		List<String> channelKeys) {

	static CallRoute of(InboundRoute route) {
		return new CallRoute(true, route.tenantId(), route.tenantCode(), route.trunkNumberId(), route.trunkNumber(), null,
				List.of(route.channelKey()));
	}

	/** A seat's call refused before it went anywhere: no number shown, no channel held. */
	static CallRoute refused(long tenantId, String tenantCode) {
		return new CallRoute(false, tenantId, tenantCode, null, null, null, List.of());
	}

		/** A seat's call out: the gateway's channel and the display number's. */
	static CallRoute outbound(long tenantId, String tenantCode, OutboundRouting.Route route, OutboundRouting.DisplayNumberChoice display) {
		return new CallRoute(false, tenantId, tenantCode, null, null, display.number(), List.of(route.gatewayChannelKey(), display.channelKey()));
	}
}
