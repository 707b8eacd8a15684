/**
 * Automatic call distribution (F7, F8, F24): each seat's agent status (chosen by the agent) and state
 * (kept by the system), the strategies that pick the seat for an inbound call, the per-tenant queue
 * with its timers, and the journals every metric is derived from.
 */
package com.calldesk.acd;
