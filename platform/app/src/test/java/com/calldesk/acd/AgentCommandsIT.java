package com.calldesk.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.Sessions;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecordMapper;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The ACD's REST commands on the embedded demo tenant, with the roles that may use them: the agent's
 * own status switch, the supervisor's view of every seat and the queue, the administrator's settings;
 * bad input gets a 4xx with a message in Chinese (and English when asked).
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:agent-commands-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false" })
@AutoConfigureMockMvc
class AgentCommandsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	HandleTimes handleTimes;

	@Autowired
	AcdSettingsService settingsService;

	@Autowired
	CallRecordMapper callRecords;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	AcdJournal journal;

	@Autowired
	org.apache.ibatis.session.SqlSessionFactory sessions;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theHandleTimeForExpectedWaitsIsTheMeanTalkOfAnsweredInboundCallsPlusWrapUp() {
		TenantScope demo = tenants.activeByCode("2001000").orElseThrow();
		Instant t = Instant.parse("2026-03-02T02:00:00Z");
		TenantContext.run(demo, () -> {
			callRecords.insert(record("INBOUND", t, t.plusSeconds(10), t.plusSeconds(130)));
			callRecords.insert(record("INBOUND", t.plusSeconds(5), t.plusSeconds(20), t.plusSeconds(80)));
			callRecords.insert(record("INBOUND", t.plusSeconds(6), null, t.plusSeconds(90)));
			callRecords.insert(record("OUTBOUND", t.plusSeconds(7), t.plusSeconds(8), t.plusSeconds(3600)));
		});
		assertThat(handleTimes.average(demo.tenantId()))
			.contains(Duration.ofSeconds(90).plus(settingsService.of(demo.tenantId()).wrapUp()));
	}

	@Test
	void theStickyAgentIsTheLastSeatUnderAnySpellingFoundWithoutReadingTheCallersWholeHistory() {
		TenantScope demo = tenants.activeByCode("2001000").orElseThrow();
		Instant t = Instant.parse("2026-03-03T02:00:00Z");
		TenantContext.run(demo, () -> {
			callRecords.insert(talk("13900002222", "seat-a", t));
			callRecords.insert(talk("+8613900002222", "seat-b", t.plusSeconds(60)));
			CallRecord missed = talk("008613900002222", "seat-c", t.plusSeconds(120));
			missed.setAnsweredAt(null);
			callRecords.insert(missed);
			callRecords.insert(talk("anonymous", "seat-d", t.plusSeconds(180)));
		});
		assertThat(journal.lastSeatOf(demo.tenantId(), "13900002222")).as("latest answered, any spelling").isEqualTo("seat-b");
		assertThat(journal.lastSeatOf(demo.tenantId(), "anonymous")).as("a withheld number is nobody's").isNull();

		var spellings = com.calldesk.phone.PhoneNumbers.spellingsOfNumber("13900002222");
		var sql = sessions.getConfiguration().getMappedStatement(AcdMapper.class.getName() + ".lastSeatOf")
			.getBoundSql(java.util.Map.of("spellings", spellings));
		String plan = TenantContext.call(demo, () -> jdbc.queryForObject("EXPLAIN " + sql.getSql(), String.class, spellings.toArray()));
		// H2 says "index sorted" when a branch walks the customer index in order and can stop at its first row
		assertThat(plan.split("index sorted", -1)).as(plan).hasSize(spellings.size() + 1);
	}

	private static CallRecord talk(String customer, String seat, Instant offered) {
		// calls out, so that the handle-time test's inbound calls stay the only ones it averages
		CallRecord record = record("OUTBOUND", offered, offered.plusSeconds(5), offered.plusSeconds(65));
		record.setCustomerNumber(customer);
		record.setSeat(seat);
		return record;
	}

	private static CallRecord record(String direction, Instant offered, Instant answered,
			Instant ended) {
		CallRecord record = new CallRecord();
		record.setId(UUID.randomUUID().toString());
		record.setDirection(direction);
		record.setState("ENDED");
		record.setOfferedAt(offered);
		record.setAnsweredAt(answered);
		record.setEndedAt(ended);
		record.setNode("node-it");
		return record;
	}

	@Test
	void anAgentSwitchesBetweenRestBusyAndIdleAndTheSupervisorSeesIt() throws Exception {
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		mvc.perform(put("/api/agent/status").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REST\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seat").value("ss2001000ss0001"))
			.andExpect(jsonPath("$.status").value("REST"));
		mvc.perform(get("/api/agent").session(agent)).andExpect(jsonPath("$.status").value("REST"))
			.andExpect(jsonPath("$.state").value("WAITING"));

		MockHttpSession supervisor = Sessions.tenantUser(mvc, "2001000", "supervisor", "super123");
		mvc.perform(get("/api/acd/agents").session(supervisor)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.seat == 'ss2001000ss0001')].status").value("REST"))
			.andExpect(jsonPath("$[?(@.seat == 'ss2001000ss0002')].status").value("OFFLINE"));

		mvc.perform(put("/api/agent/status").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IDLE\"}"))
			.andExpect(jsonPath("$.status").value("IDLE"));
	}

	@Test
	void anAgentWithoutASeatOrWithANonsenseStatusGetsAClearRefusal() throws Exception {
		MockHttpSession unbound = Sessions.tenantUser(mvc, "2001000", "agent2", "agent123");
		mvc.perform(get("/api/agent").session(unbound)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value("你还没有绑定坐席，请联系管理员绑定。"))
			.andExpect(jsonPath("$.messageEn").value("You have no seat bound: ask your administrator to bind one."));
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		mvc.perform(put("/api/agent/status").session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SLEEPING\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.messageEn").exists());
	}

	@Test
	void anAdministratorSetsBusinessHoursHolidaysAndMakeUpDays() throws Exception {
		String rules = "{\"enabled\":true,\"openDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],"
				+ "\"openFrom\":\"09:00\",\"openUntil\":\"18:00\",\"holidays\":[\"2026-10-01\",\"2026-10-02\"],\"workdays\":[\"2026-09-27\"]}";
		MockHttpSession supervisor = Sessions.tenantUser(mvc, "2001000", "supervisor", "super123");
		mvc.perform(put("/api/acd/phone-rules").session(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(rules))
			.andExpect(status().isForbidden());
		MockHttpSession admin = Sessions.tenantUser(mvc, "2001000", "admin", "admin123");
		mvc.perform(put("/api/acd/phone-rules").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(rules))
			.andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
		mvc.perform(get("/api/acd/phone-rules").session(supervisor)).andExpect(jsonPath("$.holidays.length()").value(2))
			.andExpect(jsonPath("$.workdays[0]").value("2026-09-27")).andExpect(jsonPath("$.openFrom").value("09:00:00"));
		mvc.perform(put("/api/acd/phone-rules").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(rules.replace("\"openUntil\":\"18:00\"", "\"openUntil\":\"08:00\""))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("营业时间的结束时间必须晚于开始时间。"));
		mvc.perform(get("/api/acd/phone-rules").session(admin)).andExpect(jsonPath("$.openUntil").value("18:00:00"));
		mvc.perform(put("/api/acd/phone-rules").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(rules.replace("\"enabled\":true", "\"enabled\":false"))).andExpect(jsonPath("$.openNow").value(true));
	}

	@Test
	void onlyAnAdministratorChangesTheQueueSettingsAndOnlyToSaneValues() throws Exception {
		String settings = "{\"strategy\":\"ROUND_ROBIN\",\"stickyAgent\":false,\"ringTimeoutS\":15,\"wrapUpS\":30,\"noAnswerLimit\":2,"
				+ "\"noAnswerDelayS\":10,\"maxWaitS\":90,\"maxQueue\":20}";
		MockHttpSession supervisor = Sessions.tenantUser(mvc, "2001000", "supervisor", "super123");
		mvc.perform(put("/api/acd/settings").session(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(settings))
			.andExpect(status().isForbidden());
		MockHttpSession agent = Sessions.tenantUser(mvc, "2001000", "agent", "agent123");
		mvc.perform(get("/api/acd/agents").session(agent)).andExpect(status().isForbidden());

		MockHttpSession admin = Sessions.tenantUser(mvc, "2001000", "admin", "admin123");
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(settings))
			.andExpect(status().isOk()).andExpect(jsonPath("$.strategy").value("ROUND_ROBIN"))
			.andExpect(jsonPath("$.announceEveryS").value(30));
		mvc.perform(get("/api/acd/settings").session(supervisor)).andExpect(jsonPath("$.ringTimeoutS").value(15))
			.andExpect(jsonPath("$.maxQueue").value(20));
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(settings.replace("\"ringTimeoutS\":15", "\"ringTimeoutS\":1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/acd/settings").session(admin)).andExpect(jsonPath("$.ringTimeoutS").value(15));

		String announcing = settings.replace("}", ",\"announceEveryS\":45}");
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(announcing.replace("45", "5"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("排队播报间隔须为 15 到 600 秒，或 0（不播报）。"))
			.andExpect(jsonPath("$.messageEn").value("Announce the queue position every 15 to 600 seconds, or 0 for never."));
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(announcing.replace("45", "601"))).andExpect(status().isBadRequest());
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(announcing))
			.andExpect(status().isOk()).andExpect(jsonPath("$.announceEveryS").value(45));
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(settings))
			.andExpect(jsonPath("$.announceEveryS").value(45));
		mvc.perform(put("/api/acd/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(announcing.replace("45", "0"))).andExpect(jsonPath("$.announceEveryS").value(0));
	}
}
