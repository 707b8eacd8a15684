package com.calldesk.crm;

import java.time.Clock;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;

/** Events and work orders of the current tenant's customers. */
@Service
public class ServiceRecords {

	private final ServiceEventMapper events;

	private final WorkOrderMapper workOrders;

	private final CustomerBook customers;

	private final ContactBook contacts;

	private final Clock clock;

	ServiceRecords(ServiceEventMapper events, WorkOrderMapper workOrders, CustomerBook customers, ContactBook contacts, Clock clock) {
		this.events = events;
		this.workOrders = workOrders;
		this.customers = customers;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Transactional
	public ServiceEvent createEvent(EventForm form, String by) {
		checkOwners(form.customerId(), form.contactId());
		ServiceEvent event = new ServiceEvent();
		event.setCustomerId(form.customerId());
		event.setContactId(form.contactId());
		event.setTitle(form.title().strip());
		event.setDescription(form.description());
		event.setStatus("OPEN");
		event.setCreatedBy(by);
		event.setCreatedAt(clock.instant());
		event.setUpdatedAt(clock.instant());
		events.insert(event);
		return event;
	}

	@Transactional
	public ServiceEvent setEventStatus(long id, String status) {
		ServiceEvent event = event(id);
		event.setStatus(status);
		event.setUpdatedAt(clock.instant());
		events.updateById(event);
		return event;
	}

	public ServiceEvent event(long id) {
		ServiceEvent event = events.selectById(id);
		if (event == null) {
			throw DomainException.notFound("event.not-found", id);
		}
		return event;
	}

	public PageView<ServiceEvent> events(Long customerId, Paging paging) {
		return PageView.of(events.selectPage(paging.toPage(), Wrappers.<ServiceEvent>lambdaQuery()
			.eq(customerId != null, ServiceEvent::getCustomerId, customerId).orderByDesc(ServiceEvent::getId)), e -> e);
	}

	@Transactional
	public WorkOrder createWorkOrder(WorkOrderForm form, String by) {
		checkOwners(form.customerId(), form.contactId());
		if (form.eventId() != null && !event(form.eventId()).getCustomerId().equals(form.customerId())) {
			throw DomainException.notFound("event.not-found", form.eventId());
		}
		WorkOrder order = new WorkOrder();
		order.setCustomerId(form.customerId());
		order.setContactId(form.contactId());
		order.setEventId(form.eventId());
		order.setTitle(form.title().strip());
		order.setDescription(form.description());
		order.setPriority(form.priority() == null ? "NORMAL" : form.priority());
		order.setStatus(WorkOrderStatus.OPEN.name());
		order.setAssigneeId(form.assigneeId());
		order.setCreatedBy(by);
		order.setCreatedAt(clock.instant());
		order.setUpdatedAt(clock.instant());
		workOrders.insert(order);
		return order;
	}

	@Transactional
	public WorkOrder moveWorkOrder(long id, WorkOrderStatus next) {
		WorkOrder order = workOrder(id);
		WorkOrderStatus current = WorkOrderStatus.valueOf(order.getStatus());
		if (!current.canBecome(next)) {
			throw DomainException.conflict("work-order.transition", current, next);
		}
		order.setStatus(next.name());
		order.setUpdatedAt(clock.instant());
		workOrders.updateById(order);
		return order;
	}

	public WorkOrder workOrder(long id) {
		WorkOrder order = workOrders.selectById(id);
		if (order == null) {
			throw DomainException.notFound("work-order.not-found", id);
		}
		return order;
	}

	public PageView<WorkOrder> workOrders(Long customerId, WorkOrderStatus status, Paging paging) {
		return PageView.of(workOrders.selectPage(paging.toPage(), Wrappers.<WorkOrder>lambdaQuery()
			.eq(customerId != null, WorkOrder::getCustomerId, customerId)
			.eq(status != null, WorkOrder::getStatus, status == null ? null : status.name())
			.orderByDesc(WorkOrder::getId)), o -> o);
	}

	private void checkOwners(long customerId, Long contactId) {
		customers.require(customerId);
		if (contactId != null && !contacts.require(contactId).getCustomerId().equals(customerId)) {
			throw DomainException.notFound("contact.not-found", contactId);
		}
	}

	public record EventForm(@NotNull Long customerId, Long contactId, @NotBlank @Size(max = 100) String title,
			@Size(max = 2000) String description) {
	}

	public record WorkOrderForm(@NotNull Long customerId, Long contactId, Long eventId, @NotBlank @Size(max = 100) String title,
			@Size(max = 2000) String description, @Pattern(regexp = "LOW|NORMAL|HIGH|URGENT") String priority, Long assigneeId) {
	}
}
