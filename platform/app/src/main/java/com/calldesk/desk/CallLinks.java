package com.calldesk.desk;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.calldesk.crm.ServiceRecords;
import com.calldesk.problem.DomainException;

/** Which events and work orders a call is linked to, and linking an existing one. */
@Service
class CallLinks {

	private final OwnCalls calls;

	private final CallLinkMapper links;

	private final ActivityMapper activity;

	private final ServiceRecords records;

	private final Today today;

	CallLinks(OwnCalls calls, CallLinkMapper links, ActivityMapper activity, ServiceRecords records, Today today) {
		this.calls = calls;
		this.links = links;
		this.activity = activity;
		this.records = records;
		this.today = today;
	}

	Links of(String callId) {
		calls.require(callId);
		return linksOf(callId);
	}

	/** Links an existing work order or event (exactly one); linking it again changes nothing. */
	Links link(String callId, Long workOrderId, Long eventId, String by) {
		calls.require(callId);
		if ((workOrderId == null) == (eventId == null)) {
			throw DomainException.badRequest("call.link.target");
		}
		if (workOrderId != null) {
			records.workOrder(workOrderId);
			add(callId, LinkKind.WORK_ORDER, workOrderId, by);
		}
		else {
			records.event(eventId);
			add(callId, LinkKind.EVENT, eventId, by);
		}
		return linksOf(callId);
	}

	/** Writes one link; part of the caller's transaction when there is one (a record created with its link). */
	void add(String callId, LinkKind kind, long targetId, String by) {
		try {
			links.insert(callId, kind, targetId, today.now(), by);
		}
		catch (DuplicateKeyException alreadyLinked) {
			// the key is the link: a second click or a retried request finds it there
		}
	}

	private Links linksOf(String callId) {
		List<Long> orders = links.targets(callId, LinkKind.WORK_ORDER);
		List<Long> events = links.targets(callId, LinkKind.EVENT);
		return new Links(orders.isEmpty() ? List.of() : activity.workOrders(orders), events.isEmpty() ? List.of() : activity.events(events));
	}

	/** A call's links, as the workbench lists them. */
	record Links(List<PopWorkOrder> workOrders, List<PopEvent> events) {
	}
}
