package com.calldesk.sip.calls;

/**
 * Where a number dialled from outside leads: one of a tenant's trunk numbers, or one of its display
 * numbers called back by a customer (F13), with that number's channel cap. A route with a
 * {@code refusal} belongs to a tenant that takes no calls on it (callback not bought): the caller
 * hears the refusal's prompt and the call ends, so a customer returning a missed call is told why.
 */
public record InboundRoute(long tenantId, String tenantCode, Long trunkNumberId, String trunkNumber, Long displayNumberId,
		String displayNumber, int channelLimit, Refusal refusal) {

	/** A trunk number (DID, or the 400 number mapped onto it). */
	public InboundRoute(long tenantId, String tenantCode, long trunkNumberId, String trunkNumber, int channelLimit) {
		this(tenantId, tenantCode, trunkNumberId, trunkNumber, null, null, channelLimit, null);
	}

	/** A display number called back; {@code refusal} null when the tenant bought callback. */
	public static InboundRoute callback(long tenantId, String tenantCode, long displayNumberId, String displayNumber, int channelLimit,
			Refusal refusal) {
		return new InboundRoute(tenantId, tenantCode, null, null, displayNumberId, displayNumber, channelLimit, refusal);
	}

	public boolean callback() {
		return displayNumberId != null;
	}

	/**
	 * A callback takes a channel of the display number under the same key as the seats' calls out on
	 * it: it is one carrier number, and its channels are shared whichever way a call goes.
	 */
	public String channelKey() {
		return callback() ? OutboundRouting.DisplayNumberChoice.channelKeyOf(displayNumberId) : "trunk:" + trunkNumberId;
	}

	/** Why calls to the number are not taken ({@code reason}, for the record) and the prompt the caller hears. */
	public record Refusal(String reason, String prompt) {
	}
}
