package com.calldesk.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "客户 — the current tenant's customers")
@RestController
class CustomerHistoryApi {

	private final ServiceHistory history;

	CustomerHistoryApi(ServiceHistory history) {
		this.history = history;
	}

	@GetMapping("/api/customers/{customerId}/history")
	@Operation(summary = "Service history (服务记录): calls with the customer's numbers or linked to its records, their notes, "
			+ "its events and work orders, newest first")
	ServiceHistory.History history(@PathVariable long customerId) {
		return history.of(customerId);
	}
}
