package com.calldesk.crm;

import java.time.Clock;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;

/** The current tenant's customers. */
@Service
public class CustomerBook {

	private final CustomerMapper customers;

	private final Clock clock;

	CustomerBook(CustomerMapper customers, Clock clock) {
		this.customers = customers;
		this.clock = clock;
	}

	@Transactional
	public Customer create(CustomerForm form) {
		Customer customer = new Customer();
		apply(customer, form);
		customer.setCreatedAt(clock.instant());
		customers.insert(customer);
		return customer;
	}

	@Transactional
	public Customer update(long id, CustomerForm form) {
		Customer customer = require(id);
		apply(customer, form);
		customers.updateById(customer);
		return customer;
	}

	public Customer require(long id) {
		Customer customer = customers.selectById(id);
		if (customer == null) {
			throw DomainException.notFound("customer.not-found", id);
		}
		return customer;
	}

	public PageView<Customer> search(String query, Paging paging) {
		var where = Wrappers.<Customer>lambdaQuery()
			.likeRight(query != null && !query.isBlank(), Customer::getName, query == null ? null : query.strip())
			.orderByDesc(Customer::getId);
		return PageView.of(customers.selectPage(paging.toPage(), where), c -> c);
	}

	private void apply(Customer customer, CustomerForm form) {
		customer.setName(form.name().strip());
		customer.setAddress(form.address());
		customer.setNote(form.note());
		customer.setUpdatedAt(clock.instant());
	}

	public record CustomerForm(@NotBlank @Size(max = 100) String name, @Size(max = 200) String address,
			@Size(max = 500) String note) {
	}
}
