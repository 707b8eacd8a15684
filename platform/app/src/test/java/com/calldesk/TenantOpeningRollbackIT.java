package com.calldesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import db.flaky.V99__Fails_on_first_run;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.provisioning.tenants.TenantMapper;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenancyProperties;
import com.calldesk.tenancy.TenantSchemaMigrator;

/** A tenant whose schema fails half-way leaves nothing behind, and approving again succeeds. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:rollback-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk", "calldesk.sip.server.enabled=false",
		"calldesk.demo.enabled=false", "calldesk.tenancy.tenant-locations=classpath:db/tenant,classpath:db/flaky" })
@AutoConfigureMockMvc
class TenantOpeningRollbackIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	TenantMapper tenants;

	@Autowired
	TenantSchemaMigrator migrator;

	@Autowired
	TenancyProperties tenancy;

	@Test
	void aFailedOpeningIsRolledBackWholeAndCanBeApprovedAgain() throws Exception {
		V99__Fails_on_first_run.FAIL_NEXT.set(true);
		MockHttpSession staff = Sessions.staff(mvc, "staff", "staff123");
		long application = Provisioning.json(mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"companyName\":\"回滚测试\",\"contactName\":\"测\",\"contactPhone\":\"13600002222\"}"))).get("applicationId").asLong();

		mvc.perform(post("/api/admin/applications/{id}/approve", application).session(staff).with(csrf()))
			.andExpect(status().isInternalServerError()).andExpect(jsonPath("$.code").value("tenant.provisioning-failed"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("已全部回滚")));
		assertThat(tenants.selectCount(null)).isZero();
		assertThat(migrator.exists(tenancy.schemaOf("2001000"))).isFalse();
		mvc.perform(get("/api/admin/applications").session(staff))
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[0].lastError").value(org.hamcrest.Matchers.containsString("simulated failure half-way")));

		mvc.perform(post("/api/admin/applications/{id}/approve", application).session(staff).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.tenantCode").value("2001000"));
		assertThat(migrator.exists(tenancy.schemaOf("2001000"))).isTrue();
		assertThat(tenants.selectList(null)).singleElement().extracting(t -> t.getStatus()).isEqualTo("ACTIVE");
	}
}
