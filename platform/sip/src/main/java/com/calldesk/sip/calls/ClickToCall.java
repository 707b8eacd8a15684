package com.calldesk.sip.calls;

/**
 * An agent's request to call a customer (F9): their seat, the number as typed, and the display number
 * they picked (null: the route's choice — the callee's region first, then any with a free channel).
 */
public record ClickToCall(long tenantId, String tenantCode, String seat, String number, Long displayNumberId) {
}
