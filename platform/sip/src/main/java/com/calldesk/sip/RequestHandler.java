package com.calldesk.sip;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;

/** Handles one SIP method. Called on a stack thread: must be thread-safe and must not block. */
public interface RequestHandler {

	void handle(RequestEvent event, ServerTransaction transaction) throws Exception;
}
