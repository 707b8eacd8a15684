package com.calldesk.sip.calls;

/**
 * Why a transfer was not started — {@code call-not-found}, {@code not-answered}, {@code transfer-in-progress},
 * {@code same-agent}, {@code agent-offline}, {@code agent-busy}, {@code no-free-channel}, or the outbound
 * route's refusal of the number — with the call left exactly as it was: the customer still talks to
 * the agent.
 */
public final class TransferRefused extends RuntimeException {

	private final String reason;

	public TransferRefused(String reason) {
		super(reason, null, false, false);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}
}
