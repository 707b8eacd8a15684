package com.calldesk.sip.calls;

import java.time.Instant;

import javax.sip.ClientTransaction;

/**
 * A transfer under way (F10): the INVITE to the new agent-side leg, whom it goes to, how long it may
 * ring, the seat that handed the call over, and — for a number — the gateway's channels it holds.
 */
record Transfer(TransferTarget target, ClientTransaction invite, Instant deadline, String fromSeat, OutboundAttempt attempt) {
}
