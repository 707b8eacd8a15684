package com.calldesk.sip;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;

/**
 * Set as the application data of a client transaction or dialog: the dispatcher hands it the
 * answers and the timeout of what it sent, so no map of transactions has to be kept and cleaned.
 */
public interface ClientListener {

	void onResponse(ResponseEvent event);

	void onTimeout(TimeoutEvent event);

	/** The dialog this listens to timed out: our 2xx was never acknowledged (RFC 3261 §13.3.1.4). */
	default void onDialogTimeout() {
	}
}
