package com.calldesk.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.billing.CallCharging;
import com.calldesk.billing.Charge;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.PartyLeg;

/** Call records and legs of the current tenant. */
@Component
public class CallRecords {

	private final CallRecordMapper records;

	private final CallLegMapper legs;

	private final Clock clock;

	private final CallCharging charging;

	private final ApplicationEventPublisher events;

	CallRecords(CallRecordMapper records, CallLegMapper legs, Clock clock, CallCharging charging, ApplicationEventPublisher events) {
		this.records = records;
		this.legs = legs;
		this.clock = clock;
		this.charging = charging;
		this.events = events;
	}

	@Transactional
	void open(CallSnapshot call) {
		records.insert(toRecord(call));
	}

	/** As {@link #open}, or an update when the row is there already (a write tried again after an unclear failure). */
	@Transactional
	void openOrUpdate(CallSnapshot call) {
		try {
			records.insert(toRecord(call));
		}
		catch (DuplicateKeyException there) {
			records.updateById(toRecord(call));
		}
	}

	@Transactional
	void update(CallSnapshot call) {
		records.updateById(toRecord(call));
	}

	/**
	 * As {@link #close}, unless the record is closed already: only a close sets its end ({@code cost_fen}
	 * cannot tell, it is 0 from the insert on).
	 */
	@Transactional
	void closeOnce(CallSnapshot call) {
		CallRecord stored = records.selectById(call.callId());
		if (stored != null && stored.getEndedAt() != null) {
			return;
		}
		close(call);
	}

	/**
	 * A step the journal kept from before the node stopped: the record brought up to it, whatever the
	 * database got before the stop. Steps already there change nothing.
	 */
	@Transactional
	void replay(CallSnapshot call, boolean closes) {
		CallRecord stored = records.selectById(call.callId());
		if (stored != null && stored.getEndedAt() != null) {
			return;
		}
		if (stored == null) {
			records.insert(toRecord(call));
		}
		if (closes) {
			close(call);
		}
		else if (stored != null) {
			records.updateById(toRecord(call));
		}
	}

	/**
	 * The final record with its cost, its legs — the customer's, then every agent-side leg it had — and
	 * the debit of the tenant's balance (platform schema, same connection), in one transaction: a call is
	 * paid exactly when its record closes. The debit comes last, so the tenant's balance row is locked
	 * only for the commit.
	 */
	@Transactional
	void close(CallSnapshot call) {
		List<Charge> charges = charging.rate(call);
		CallRecord record = toRecord(call);
		record.setBilledMinutes(charges.stream().mapToInt(Charge::minutes).sum());
		// one rate when the call had one kind of billable time; a call forwarded after an outbound leg has two
		record.setRateFen(charges.stream().map(Charge::rateFen).distinct().count() == 1 ? charges.get(0).rateFen() : null);
		record.setCostFen(charges.stream().mapToLong(Charge::costFen).sum());
		records.updateById(record);
		legs.insert(leg(call.callId(), "CUSTOMER", call.customerNumber(), call.offeredAt(), call.answeredAt(), call.endedAt()));
		for (PartyLeg agentSide : call.agentLegs()) {
			legs.insert(leg(call.callId(), agentSide.kind(), agentSide.party(), agentSide.startedAt(), agentSide.answeredAt(), agentSide.endedAt()));
		}
		charges.forEach(charge -> charging.debit(call, charge));
		closed(record);
	}

	/** Closes the records this node left open when it stopped mid-call, but for {@code live} ones; returns how many. */
	@Transactional
	public int closeOrphans(String node, java.util.function.Predicate<String> live) {
		List<CallRecord> open = records.selectList(Wrappers.<CallRecord>lambdaQuery().eq(CallRecord::getNode, node)
			.isNull(CallRecord::getEndedAt));
		open.removeIf(record -> live.test(record.getId()));
		for (CallRecord record : open) {
			record.setState("ENDED");
			record.setEndedAt(clock.instant());
			record.setEndedBy("SYSTEM");
			record.setEndReason("node-restart");
			record.setTab(tabOf(record.getDirection(), record.getAnsweredAt()));
			records.updateById(record);
			closed(record);
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
		record.setForwardedTo(call.forwardedTo());
		record.setTab(call.endedAt() == null ? null : tabOf(call.direction(), call.answeredAt()));
		return record;
	}

	private void closed(CallRecord record) {
		events.publishEvent(new CallClosed(record.getId(), record.getTab() == null ? null : CallTab.valueOf(record.getTab()),
				record.getCustomerNumber(), record.getSeat(), record.getOfferedAt(), record.getEndedAt(), record.getEndReason()));
	}

	private static String tabOf(String direction, Instant answeredAt) {
		CallTab tab = CallTab.of(direction, answeredAt);
		return tab == null ? null : tab.name();
	}

	private static CallLeg leg(String callId, String kind, String party, Instant startedAt, Instant answeredAt, Instant endedAt) {
		CallLeg leg = new CallLeg();
		leg.setCallId(callId);
		leg.setKind(kind);
		leg.setParty(party);
		leg.setStartedAt(startedAt);
		leg.setAnsweredAt(answeredAt);
		leg.setEndedAt(endedAt);
		return leg;
	}
}
