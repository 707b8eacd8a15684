package com.calldesk.desk;

import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecords;

/**
 * A call of the current tenant, by id. Records live in the tenant's own schema, so another tenant's
 * call id is simply not found: 404 {@code call.not-found}, exactly as for an id nobody has.
 */
@Component
class OwnCalls {

	private final CallRecords records;

	OwnCalls(CallRecords records) {
		this.records = records;
	}

	CallRecord require(String callId) {
		CallRecord record = callId == null || callId.length() > 36 ? null : records.find(callId);
		if (record == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		return record;
	}
}
