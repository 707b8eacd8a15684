package com.calldesk.calls;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened in a tenant's call center, named in the past tense. {@code seq} orders the
 * events of one call (or of one seat's agent): a consumer that hears an event out of order, or twice —
 * pub/sub between nodes is at-most-once and unordered across publishers — drops one whose seq is not
 * newer than the last it applied. The JSON form carries the record's simple name as {@code type}, and
 * the subtypes are taken from this sealed hierarchy ({@link CtiJson}), so no list of events is kept by hand.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface CtiEvent permits CallEvent, AgentStateChanged, CallbackTaskChanged, SeatReleased {

	long tenantId();

	long seq();

	Instant at();
}
