package com.calldesk.crm;

import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import com.calldesk.problem.DomainException;

/** Page parameters as clients send them: page from 1, size 1–100. */
record Paging(int page, int size) {

	Paging {
		if (page < 1 || size < 1 || size > 100) {
			throw DomainException.badRequest("request.invalid");
		}
	}

	<T> Page<T> toPage() {
		return Page.of(page, size);
	}
}
