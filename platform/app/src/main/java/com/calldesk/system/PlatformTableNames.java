package com.calldesk.system;

import java.util.Set;

import com.baomidou.mybatisplus.extension.plugins.inner.DynamicTableNameInnerInterceptor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Writes every platform table of a statement with its schema's name. The rewrite depends on the SQL
 * text alone, and MyBatis-Plus tokenises the whole statement each time it runs (a tenth of the CPU of
 * a call in the soak's profile), so each distinct statement is rewritten once.
 */
final class PlatformTableNames extends DynamicTableNameInnerInterceptor {

	private final Cache<String, String> rewritten = Caffeine.newBuilder().maximumSize(4_000).build();

	PlatformTableNames(Set<String> platformTables, String schema) {
		String prefix = schema + ".";
		setTableNameHandler((sql, table) -> platformTables.contains(table.toLowerCase()) ? prefix + table : table);
	}

	@Override
	public String changeTable(String sql) {
		return rewritten.get(sql, super::changeTable);
	}
}
