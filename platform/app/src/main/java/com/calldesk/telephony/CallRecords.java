package com.calldesk.telephony;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.billing.CallCharging;
import com.calldesk.billing.Charge;
import com.calldesk.sip.calls.CallSnapshot;

/** Call records and legs of the current tenant. */
@Component
public class CallRecords {

	private final CallRecordMapper records;

	private final CallLegMapper legs;

	private final Clock clock;

	private final CallCharging charging;

	CallRecords(CallRecordMapper records, CallLegMapper legs, Clock clock, CallCharging charging) {
		this.records = records;
		this.legs = legs;
		this.clock = clock;
		this.charging = charging;
	}

	@Transactional
	void open(CallSnapshot call) {
		records.insert(toRecord(call));
	}

	@Transactional
	void update(CallSnapshot call) {
		records.updateById(toRecord(call));
	}

	/**
	 * The final record with its cost, its legs, and the debit of the tenant's balance (platform schema,
	 * same connection), in one transaction: a call is paid exactly when its record closes. The debit
	 * comes last, so the tenant's balance row is locked only for the commit.
	 */
	@Transactional
	void close(CallSnapshot call) {
		Optional<Charge> charge = charging.rate(call);
		CallRecord record = toRecord(call);
		record.setBilledMinutes(charge.map(Charge::minutes).orElse(0));
		record.setRateFen(charge.map(Charge::rateFen).orElse(null));
		record.setCostFen(charge.map(Charge::costFen).orElse(0L));
		records.updateById(record);
		legs.insert(leg(call, "CUSTOMER", call.customerNumber(), call.answeredAt()));
		if (call.seat() != null) {
			legs.insert(leg(call, "AGENT", call.seat(), call.answeredAt()));
		}
		charge.ifPresent(c -> charging.debit(call, c));
	}

	/** Closes the records this node left open when it stopped mid-call; returns how many. */
	@Transactional
	public int closeOrphans(String node) {
		List<CallRecord> open = records.selectList(Wrappers.<CallRecord>lambdaQuery().eq(CallRecord::getNode, node)
			.isNull(CallRecord::getEndedAt));
		for (CallRecord record : open) {
			record.setState("ENDED");
			record.setEndedAt(clock.instant());
			record.setEndedBy("SYSTEM");
			record.setEndReason("node-restart");
			records.updateById(record);
		}
		return open.size();
	}

	/** The most recently offered call of the current tenant. */
	public CallRecord latest() {
		return records.selectOne(Wrappers.<CallRecord>lambdaQuery().orderByDesc(CallRecord::getOfferedAt).last("LIMIT 1"));
	}

	public CallRecord find(String callId) {
		return records.selectById(callId);
	}

	public List<CallLeg> legsOf(String callId) {
		return legs.selectList(Wrappers.<CallLeg>lambdaQuery().eq(CallLeg::getCallId, callId).orderByAsc(CallLeg::getId));
	}

	private static CallRecord toRecord(CallSnapshot call) {
		CallRecord record = new CallRecord();
		record.setId(call.callId());
		record.setDirection(call.direction());
		record.setCustomerNumber(call.customerNumber());
		record.setDialledNumber(call.dialledNumber());
		record.setTrunkNumberId(call.trunkNumberId());
		record.setTrunkNumber(call.trunkNumber());
		record.setDisplayNumber(call.displayNumber());
		record.setSeat(call.seat());
		record.setState(call.state().name());
		record.setOfferedAt(call.offeredAt());
		record.setRingingAt(call.ringingAt());
		record.setAnsweredAt(call.answeredAt());
		record.setEndedAt(call.endedAt());
		record.setEndedBy(call.endedBy());
		record.setEndReason(call.endReason());
		record.setSipStatus(call.sipStatus() == 0 ? null : call.sipStatus());
		record.setRecording(call.recording());
		record.setNode(call.node());
		return record;
	}

	private static CallLeg leg(CallSnapshot call, String kind, String party, java.time.Instant answeredAt) {
		CallLeg leg = new CallLeg();
		leg.setCallId(call.callId());
		leg.setKind(kind);
		leg.setParty(party);
		leg.setStartedAt(call.offeredAt());
		leg.setAnsweredAt(answeredAt);
		leg.setEndedAt(call.endedAt());
		return leg;
	}
}
