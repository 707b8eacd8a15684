package com.calldesk.calls;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an agent (or a host system) asks of a call it may act on: the tenant is part of every command, so
 * a command for another tenant's call is refused as if the call did not exist. Commands are values, so
 * the node that receives one can send it on to the node that carries the call.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface CallCommand {

	long tenantId();

	String callId();

	/** Ask the desk phone of {@code seat}, ringing for the call, to pick up by itself (where the phone supports it). */
	record AnswerHint(long tenantId, String callId, String seat) implements CallCommand {
	}

	record HangUp(long tenantId, String callId) implements CallCommand {
	}

	/** The customer hears hold music until {@link Resume}. */
	record Hold(long tenantId, String callId) implements CallCommand {
	}

	record Resume(long tenantId, String callId) implements CallCommand {
	}

	/** Blind transfer to a seat (its SIP account) or a number: exactly one is set. */
	record Transfer(long tenantId, String callId, String seat, String number) implements CallCommand {
	}

	record Consult(long tenantId, String callId, String seat) implements CallCommand {
	}

	/** Consult-transfer: the consulted seat takes the customer. */
	record CompleteConsult(long tenantId, String callId) implements CallCommand {
	}

	/** Back to the customer: the consulted seat is hung up. */
	record CancelConsult(long tenantId, String callId) implements CallCommand {
	}
}
