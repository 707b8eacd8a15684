package com.calldesk.connector;

/** The platform's event pushes to the app (user left the organisation), verified and decrypted. */
public interface Callbacks {

	/**
	 * Answers one push. A forged, altered or undecryptable request is refused with
	 * {@link PlatformException} ({@code REJECTED}); the caller answers it 403 and acts on nothing.
	 */
	CallbackOutcome handle(CallbackRequest request);
}
