package com.calldesk.media;

/**
 * No media for this call: every port of the range is taken (or cannot be bound). Unchecked because
 * the B2BUA has one answer for it wherever it happens: refuse the call with 503.
 */
public class MediaUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MediaUnavailableException(String message) {
		super(message);
	}

	public MediaUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
