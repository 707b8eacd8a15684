package com.calldesk.sip.calls;

/**
 * Why a click-to-call was not placed: {@code phone-offline}, {@code seat-busy}, {@code no-free-channel},
 * {@code display-number-unknown}, {@code media-unavailable}, or the outbound route's own refusal
 * ({@code invalid-number}, {@code no-balance}…). Nothing is held when it is thrown.
 */
public final class ClickToCallRefused extends RuntimeException {

	private final String reason;

	public ClickToCallRefused(String reason) {
		super(reason, null, false, false);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}
}
