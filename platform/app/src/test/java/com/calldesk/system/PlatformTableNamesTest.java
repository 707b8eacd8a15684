package com.calldesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PlatformTableNamesTest {

	final PlatformTableNames names = new PlatformTableNames(Set.of("seat", "tenant"), "calldesk");

	@Test
	void platformTablesGetTheirSchemaAndTenantTablesStayAsTheyAreEveryTime() {
		String sql = "SELECT r.id FROM call_record r JOIN seat s ON s.sip_username = r.seat WHERE s.tenant_id = ?";
		String once = names.changeTable(sql);
		assertThat(once).contains("calldesk.seat").contains("FROM call_record").doesNotContain("calldesk.call_record");
		assertThat(names.changeTable(sql)).isEqualTo(once);
		assertThat(names.changeTable("UPDATE tenant SET name = ? WHERE id = ?")).isEqualTo("UPDATE calldesk.tenant SET name = ? WHERE id = ?");
	}
}
