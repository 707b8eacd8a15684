package com.calldesk.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.calldesk.crm.CustomerBook;
import com.calldesk.phone.PhoneNumbers;

/**
 * A customer's service history (F20): the calls with any number of its contacts and the calls linked
 * to its events and work orders (a call from an unknown number that the agent filed under the
 * customer counts too), the notes on those calls, and its events and work orders — newest first.
 */
@Service
class ServiceHistory {

	/** At most this many of each kind; the crm's own lists page further. */
	static final int LIMIT = 100;

	private final CustomerBook customers;

	private final ActivityMapper activity;

	private final CallLinkMapper links;

	private final CallNoteMapper notes;

	private final Today today;

	ServiceHistory(CustomerBook customers, ActivityMapper activity, CallLinkMapper links, CallNoteMapper notes, Today today) {
		this.customers = customers;
		this.activity = activity;
		this.links = links;
		this.notes = notes;
		this.today = today;
	}

	History of(long customerId) {
		customers.require(customerId);
		List<Long> customer = List.of(customerId);
		List<PopEvent> events = activity.eventsOf(customer, false, LIMIT);
		List<PopWorkOrder> orders = activity.workOrdersOf(customer, false, LIMIT);
		List<CallRow> calls = calls(customer, events, orders);
		Instant now = today.now();
		List<HistoryNote> callNotes = calls.isEmpty() ? List.of()
				: notes.of(calls.stream().map(CallRow::id).toList()).stream()
					.sorted(Comparator.comparing(CallNote::updatedAt).reversed())
					.map(n -> new HistoryNote(n.callId(), n.text(), n.updatedAt()))
					.toList();
		return new History(calls.stream().map(c -> c.toPopCall(now)).toList(), callNotes, events, orders);
	}

	private List<CallRow> calls(List<Long> customer, List<PopEvent> events, List<PopWorkOrder> orders) {
		Map<String, CallRow> byId = new LinkedHashMap<>();
		Set<String> numbers = new LinkedHashSet<>();
		activity.numbersOfCustomers(customer).forEach(n -> numbers.addAll(PhoneNumbers.spellings(n)));
		if (!numbers.isEmpty()) {
			activity.callsOfNumbers(numbers, Instant.EPOCH, LIMIT).forEach(c -> byId.put(c.id(), c));
		}
		Set<String> linked = new LinkedHashSet<>();
		if (!events.isEmpty()) {
			linked.addAll(links.callsLinkedTo(LinkKind.EVENT, events.stream().map(PopEvent::id).toList()));
		}
		if (!orders.isEmpty()) {
			linked.addAll(links.callsLinkedTo(LinkKind.WORK_ORDER, orders.stream().map(PopWorkOrder::id).toList()));
		}
		linked.removeAll(byId.keySet());
		if (!linked.isEmpty()) {
			activity.calls(linked).forEach(c -> byId.put(c.id(), c));
		}
		List<CallRow> all = new ArrayList<>(byId.values());
		all.sort(Comparator.comparing(CallRow::offeredAt).reversed());
		return all.size() > LIMIT ? all.subList(0, LIMIT) : all;
	}

	record HistoryNote(String callId, String text, Instant updatedAt) {
	}

	record History(List<PopCall> calls, List<HistoryNote> notes, List<PopEvent> events, List<PopWorkOrder> workOrders) {
	}
}
