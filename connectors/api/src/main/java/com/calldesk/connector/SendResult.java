package com.calldesk.connector;

import java.time.Duration;

/**
 * What the platform said to a notice. {@code retry} says whether sending it again later can help (the
 * platform was down, limited or busy) or cannot (the person is outside the app's visible range);
 * {@code retryAfter} is the platform's own hint, when it gave one.
 */
public record SendResult(boolean delivered, String platformMessageId, boolean retry, Duration retryAfter, String error) {

	public static SendResult delivered(String platformMessageId) {
		return new SendResult(true, platformMessageId, false, null, null);
	}

	public static SendResult failed(boolean retry, String error) {
		return new SendResult(false, null, retry, null, error);
	}

	public static SendResult limited(Duration retryAfter, String error) {
		return new SendResult(false, null, true, retryAfter, error);
	}
}
