package com.calldesk.desk;

import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.crm.ContactBook;
import com.calldesk.crm.ServiceEvent;
import com.calldesk.crm.ServiceRecords;
import com.calldesk.crm.WorkOrder;
import com.calldesk.problem.DomainException;
import com.calldesk.telephony.CallRecord;

/**
 * An event or work order created from a call and linked to it, in one transaction: the record is made
 * by the crm's own service (its checks, its defaults) and the link written beside it, and a failure of
 * either leaves neither. The tenant is bound by the request before the transaction opens.
 */
@Service
class LinkedRecords {

	private final OwnCalls calls;

	private final ServiceRecords records;

	private final ContactBook contacts;

	private final CallLinks links;

	LinkedRecords(OwnCalls calls, ServiceRecords records, ContactBook contacts, CallLinks links) {
		this.calls = calls;
		this.records = records;
		this.contacts = contacts;
		this.links = links;
	}

	@Transactional
	PopWorkOrder createWorkOrder(String callId, NewWorkOrder form, String by) {
		Owner owner = ownerOf(calls.require(callId), form.customerId(), form.contactId());
		WorkOrder order = records.createWorkOrder(new ServiceRecords.WorkOrderForm(owner.customerId(), owner.contactId(), null,
				form.title(), form.description(), form.priority(), null), by);
		links.add(callId, LinkKind.WORK_ORDER, order.getId(), by);
		return new PopWorkOrder(order.getId(), order.getTitle(), order.getStatus(), order.getPriority(), order.getCreatedAt());
	}

	@Transactional
	PopEvent createEvent(String callId, NewEvent form, String by) {
		Owner owner = ownerOf(calls.require(callId), form.customerId(), form.contactId());
		ServiceEvent event = records.createEvent(new ServiceRecords.EventForm(owner.customerId(), owner.contactId(), form.title(),
				form.description()), by);
		links.add(callId, LinkKind.EVENT, event.getId(), by);
		return new PopEvent(event.getId(), event.getTitle(), event.getStatus(), event.getCreatedAt());
	}

	/**
	 * The customer the agent chose, or else the one whose contact has the caller's number (and then that
	 * contact, unless the agent named one). A caller nobody knows needs a customer first: 400.
	 */
	private Owner ownerOf(CallRecord call, Long customerId, Long contactId) {
		if (customerId != null) {
			return new Owner(customerId, contactId);
		}
		Optional<ContactBook.CallerMatch> caller = Optional.ofNullable(call.getCustomerNumber()).flatMap(contacts::lookup);
		return caller.map(m -> new Owner(m.customer().getId(), contactId != null ? contactId : m.contact().contact().getId()))
			.orElseThrow(() -> DomainException.badRequest("desk.customer-required"));
	}

	private record Owner(long customerId, Long contactId) {
	}

	record NewWorkOrder(@NotBlank @Size(max = 100) String title, @Size(max = 2000) String description,
			@Pattern(regexp = "LOW|NORMAL|HIGH|URGENT") String priority, Long customerId, Long contactId) {
	}

	record NewEvent(@NotBlank @Size(max = 100) String title, @Size(max = 2000) String description, Long customerId, Long contactId) {
	}
}
