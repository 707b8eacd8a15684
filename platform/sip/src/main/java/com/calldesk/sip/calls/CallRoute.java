package com.calldesk.sip.calls;

import java.util.List;

/**
 * What a call was routed by: its tenant, the trunk number (inbound), or the display number it uses
 * (outbound, or inbound when a customer calls it back), and the channels it holds until it ends.
 */
record CallRoute(boolean inbound, long tenantId, String tenantCode, Long trunkNumberId, String trunkNumber, String displayNumber,
		List<String> channelKeys, boolean internal) {

	CallRoute(boolean inbound, long tenantId, String tenantCode, Long trunkNumberId, String trunkNumber, String displayNumber,
			List<String> channelKeys) {
		this(inbound, tenantId, tenantCode, trunkNumberId, trunkNumber, displayNumber, channelKeys, false);
	}

	/** A seat calling a colleague's seat (internal call): no trunk, no number shown, no channel, nothing billed. */
	static CallRoute internal(long tenantId, String tenantCode) {
		return new CallRoute(false, tenantId, tenantCode, null, null, null, List.of(), true);
	}

	/** A customer's call in: to a trunk number, or to a display number called back (the record keeps which). */
	static CallRoute of(InboundRoute route) {
		return new CallRoute(true, route.tenantId(), route.tenantCode(), route.trunkNumberId(), route.trunkNumber(), route.displayNumber(),
				List.of(route.channelKey()));
	}

	/** A seat's call refused before it went anywhere: no number shown, no channel held. */
	static CallRoute refused(long tenantId, String tenantCode) {
		return new CallRoute(false, tenantId, tenantCode, null, null, null, List.of());
	}

		/** A seat's call out: the gateway's channel and the display number's. */
	static CallRoute outbound(long tenantId, String tenantCode, OutboundRouting.Route route, OutboundRouting.DisplayNumberChoice display) {
		return new CallRoute(false, tenantId, tenantCode, null, null, null, List.of()).through(route, display);
	}

	/**
	 * This route going out through {@code gateway} showing {@code display}: a seat's call, or an inbound
	 * call forwarded to a mobile, which keeps its trunk number's channel besides the gateway's and the
	 * display number's.
	 */
	/** This route also holding {@code keys} (a transfer to a number takes the gateway's channels too). */
	CallRoute plus(List<String> keys) {
		List<String> all = new java.util.ArrayList<>(channelKeys);
		all.addAll(keys);
		return new CallRoute(inbound, tenantId, tenantCode, trunkNumberId, trunkNumber, displayNumber, List.copyOf(all));
	}

	CallRoute through(OutboundRouting.Route gateway, OutboundRouting.DisplayNumberChoice display) {
		List<String> keys = inbound ? List.of(channelKeys.get(0), gateway.gatewayChannelKey(), display.channelKey())
				: List.of(gateway.gatewayChannelKey(), display.channelKey());
		return new CallRoute(inbound, tenantId, tenantCode, trunkNumberId, trunkNumber, display.number(), keys);
	}
}
