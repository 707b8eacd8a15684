package com.calldesk.crm;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Events and work orders", description = "事件与工单")
@RestController
class ServiceRecordsApi {

	private final ServiceRecords records;

	ServiceRecordsApi(ServiceRecords records) {
		this.records = records;
	}

	@GetMapping("/api/events")
	PageView<ServiceEvent> events(@RequestParam(required = false) Long customerId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return records.events(customerId, new Paging(page, size));
	}

	@PostMapping("/api/events")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceEvent createEvent(@Valid @RequestBody ServiceRecords.EventForm form, @AuthenticationPrincipal SignedInUser me) {
		return records.createEvent(form, me.username());
	}

	@GetMapping("/api/events/{id}")
	ServiceEvent event(@PathVariable long id) {
		return records.event(id);
	}

	@PatchMapping("/api/events/{id}/status")
	ServiceEvent eventStatus(@PathVariable long id, @Valid @RequestBody EventStatus status) {
		return records.setEventStatus(id, status.status());
	}

	@GetMapping("/api/work-orders")
	PageView<WorkOrder> workOrders(@RequestParam(required = false) Long customerId,
			@RequestParam(required = false) WorkOrderStatus status, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return records.workOrders(customerId, status, new Paging(page, size));
	}

	@PostMapping("/api/work-orders")
	@ResponseStatus(HttpStatus.CREATED)
	WorkOrder createWorkOrder(@Valid @RequestBody ServiceRecords.WorkOrderForm form, @AuthenticationPrincipal SignedInUser me) {
		return records.createWorkOrder(form, me.username());
	}

	@GetMapping("/api/work-orders/{id}")
	WorkOrder workOrder(@PathVariable long id) {
		return records.workOrder(id);
	}

	@PatchMapping("/api/work-orders/{id}/status")
	WorkOrder move(@PathVariable long id, @Valid @RequestBody WorkOrderMove move) {
		return records.moveWorkOrder(id, move.status());
	}

	record EventStatus(@NotNull @Pattern(regexp = "OPEN|HANDLING|CLOSED") String status) {
	}

	record WorkOrderMove(@NotNull WorkOrderStatus status) {
	}
}
