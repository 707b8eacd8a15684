package com.calldesk.connector;

/** Whether the platform accepted a notice; {@code error} carries the platform's own code and text. */
public record SendResult(boolean delivered, String platformMessageId, String error) {

	public static SendResult delivered(String platformMessageId) {
		return new SendResult(true, platformMessageId, null);
	}

	public static SendResult failed(String error) {
		return new SendResult(false, null, error);
	}
}
