package com.calldesk.sip.calls;

/** The offer has no codec we relay (PCMU or PCMA): the answer is 488. */
public class UnsupportedMediaException extends RuntimeException {

	public UnsupportedMediaException(String message) {
		super(message);
	}
}
