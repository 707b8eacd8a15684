package com.calldesk.crm;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "客户 — the current tenant's customers")
@RestController
@RequestMapping("/api/customers")
class CustomersApi {

	private final CustomerBook customers;

	private final ContactBook contacts;

	CustomersApi(CustomerBook customers, ContactBook contacts) {
		this.customers = customers;
		this.contacts = contacts;
	}

	@Operation(summary = "List customers, newest first; q filters by name prefix")
	@GetMapping
	PageView<Customer> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return customers.search(q, new Paging(page, size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Customer create(@Valid @RequestBody CustomerBook.CustomerForm form) {
		return customers.create(form);
	}

	@GetMapping("/{id}")
	Customer get(@PathVariable long id) {
		return customers.require(id);
	}

	@PutMapping("/{id}")
	Customer update(@PathVariable long id, @Valid @RequestBody CustomerBook.CustomerForm form) {
		return customers.update(id, form);
	}

	@GetMapping("/{id}/contacts")
	List<ContactBook.ContactCard> contacts(@PathVariable long id) {
		return contacts.ofCustomer(id);
	}
}
