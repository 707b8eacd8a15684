package com.calldesk.crm;

import java.util.List;
import java.util.function.Function;

import com.baomidou.mybatisplus.core.metadata.IPage;

/** One page of a list; {@code page} counts from 1. */
public record PageView<T>(List<T> items, long total, long page, long size) {

	static <E, T> PageView<T> of(IPage<E> page, Function<E, T> view) {
		return new PageView<>(page.getRecords().stream().map(view).toList(), page.getTotal(), page.getCurrent(), page.getSize());
	}
}
