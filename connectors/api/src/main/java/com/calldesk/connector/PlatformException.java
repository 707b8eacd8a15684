package com.calldesk.connector;

import java.time.Duration;

/**
 * A platform refused or failed. {@code platformCode} is the platform's own code (errcode, code) as text;
 * the message never carries a token or a secret.
 */
public class PlatformException extends RuntimeException {

	public enum Reason {
		/** Wrong app id or secret, or a field missing. */
		INVALID_CREDENTIALS,
		/** The sign-in code is unknown, used or expired. */
		INVALID_CODE,
		/** The person belongs to another organisation than the tenant's. */
		FOREIGN_USER,
		USER_NOT_FOUND,
		RATE_LIMITED,
		/** A callback whose signature, encryption or owner does not check out. */
		REJECTED,
		/** The platform did not answer, or answered with a server error. */
		UNAVAILABLE,
		/** Any other refusal; the platform code says which. */
		FAILED
	}

	private final Reason reason;

	private final String platformCode;

	private final Duration retryAfter;

	public PlatformException(Reason reason, String platformCode, String message) {
		this(reason, platformCode, message, null, null);
	}

	public PlatformException(Reason reason, String platformCode, String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.platformCode = platformCode;
		this.retryAfter = retryAfter;
	}

	public Reason reason() {
		return reason;
	}

	public String platformCode() {
		return platformCode;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
