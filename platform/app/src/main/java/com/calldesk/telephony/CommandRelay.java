package com.calldesk.telephony;

import com.calldesk.calls.CallCommand;
import com.calldesk.calls.CallView;

/** Carries a call command to the node that carries the call, and its answer back. */
interface CommandRelay {

	/**
	 * Runs {@code command} on {@code node} and returns its result.
	 * @throws com.calldesk.problem.DomainException the node's refusal, as it gave it, or 503 when it does not answer in time
	 */
	CallView send(String node, CallCommand command);

	/** One node: every call is here, so nothing is ever sent. */
	CommandRelay NONE = (node, command) -> {
		throw new com.calldesk.problem.DomainException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "call.node-unreachable",
				command.callId());
	};
}
