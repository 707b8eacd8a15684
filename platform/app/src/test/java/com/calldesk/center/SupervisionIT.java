package com.calldesk.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.MiddayInChina;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * Supervision on the whole application, each test in a tenant of its own. The monitor wall: a seeded
 * day of status changes, calls and queue offers gives exact durations, counts and answer rate; a
 * supervisor's status switch; another tenant's seat. The call center settings: defaults, a change the
 * figures follow, bad values refused with nothing saved, administrators only, per tenant. Configured as
 * {@link CallCenterIT}, so it shares its context.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:center-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false",
		"calldesk.media.recordings-dir=target/center-it-recordings", "calldesk.recordings.link-key=" + CallCenterContract.LINK_KEY })
@AutoConfigureMockMvc
@Import(MiddayInChina.class)
class SupervisionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Clock clock;

	@Test
	void eachSeatShowsItsDayFromTheJournalsAndASupervisorSwitchesAnAgent() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "staff123"));
		Provisioning.OpenedTenant tenant = provisioning.openTenant("监控墙" + System.nanoTime() % 100_000);
		List<String> seats = provisioning.allocateSeats(tenant.id(), 2).stream().map(seat -> seat.get("sipUsername").asString()).sorted().toList();
		String a = seats.get(0);
		String b = seats.get(1);
		TenantScope scope = tenants.scopeOf(tenants.require(tenant.id()));
		Instant start = LocalDate.now(clock.withZone(MiddayInChina.CHINA)).atStartOfDay(MiddayInChina.CHINA).toInstant();
		TenantContext.run(scope, () -> {
			// signed in since last night; busy 08:00–09:00, a 10 min call, 1 min wrap-up, resting 19 min, gone at 09:30
			state(a, "IDLE", "WAITING", start.minusSeconds(7200));
			state(a, "BUSY", "WAITING", start.plusSeconds(8 * 3600));
			state(a, "IDLE", "TALKING", start.plusSeconds(9 * 3600));
			state(a, "IDLE", "WRAP_UP", start.plusSeconds(9 * 3600 + 600));
			state(a, "REST", "WAITING", start.plusSeconds(9 * 3600 + 660));
			state(a, "OFFLINE", "WAITING", start.plusSeconds(9 * 3600 + 1800));
			call(a, "INBOUND", start.plusSeconds(9 * 3600), 60);
			call(a, "INBOUND", start.plusSeconds(9 * 3600 + 100), 60);
			call(a, "OUTBOUND", start.plusSeconds(9 * 3600 + 200), 100);
			call(a, "OUTBOUND", start.plusSeconds(9 * 3600 + 400), -1);
			call(a, "OUTBOUND", start.plusSeconds(9 * 3600 + 500), -1);
			call(a, "INBOUND", start.minusSeconds(3600), 60); // yesterday's
			for (String kind : List.of("OFFERED", "ANSWERED", "OFFERED", "NO_ANSWER", "OFFERED", "ANSWERED", "OFFERED", "ANSWERED")) {
				jdbc.update("INSERT INTO call_event (call_id, kind, seat, detail, occurred_at) VALUES (?, ?, ?, NULL, ?)", UUID.randomUUID().toString(),
						kind, a, Timestamp.from(start.plusSeconds(8 * 3600 + 1800)));
			}
		});
		MockHttpSession admin = Sessions.tenantUser(mvc, tenant.code(), "admin", tenant.adminPassword());

		JsonNode wall = Provisioning.json(mvc.perform(get("/api/center/wall").session(admin)).andExpect(status().isOk()));
		assertThat(wall.get("seats")).extracting(s -> s.get("seat").asString()).containsExactly(a, b);
		JsonNode seatA = wall.get("seats").get(0);
		assertThat(seatA.get("status").asString()).isEqualTo("OFFLINE");
		assertThat(seatA.get("seatNumber").asString()).isNotBlank();
		assertThat(seatA.get("inboundAnswered").asLong()).isEqualTo(2);
		assertThat(seatA.get("inboundTalkSeconds").asLong()).isEqualTo(120);
		assertThat(seatA.get("outboundCalls").asLong()).isEqualTo(3);
		assertThat(seatA.get("outboundAnswered").asLong()).isEqualTo(1);
		assertThat(seatA.get("outboundTalkSeconds").asLong()).isEqualTo(100);
		assertThat(seatA.get("offered").asLong()).isEqualTo(4);
		assertThat(seatA.get("answeredOffers").asLong()).isEqualTo(3);
		assertThat(seatA.get("answerRate").asDouble()).isEqualTo(0.75);
		assertThat(seatA.get("loginSeconds").asLong()).as("00:00–09:30").isEqualTo(9 * 3600 + 1800);
		assertThat(seatA.get("busySeconds").asLong()).isEqualTo(3600);
		assertThat(seatA.get("talkSeconds").asLong()).isEqualTo(600);
		assertThat(seatA.get("wrapUpSeconds").asLong()).isEqualTo(60);
		assertThat(seatA.get("restSeconds").asLong()).isEqualTo(1140);
		JsonNode seatB = wall.get("seats").get(1);
		assertThat(seatB.get("inboundAnswered").asLong()).isZero();
		assertThat(seatB.get("loginSeconds").asLong()).isZero();
		assertThat(seatB.get("answerRate").isNull()).isTrue();
		assertThat(seatB.get("phoneRegistered").asBoolean()).isFalse();

		JsonNode switched = Provisioning.json(mvc.perform(put("/api/center/wall/{seat}/status", b).session(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REST\",\"reason\":\"meeting\"}")).andExpect(status().isOk()));
		assertThat(switched.get("status").asString()).isEqualTo("REST");
		assertThat(switched.get("reason").asString()).isEqualTo("meeting");
		assertThat(TenantContext.call(scope, () -> jdbc.queryForObject("SELECT COUNT(*) FROM agent_state_log WHERE seat = ? AND status = 'REST'",
				Integer.class, b))).as("journalled like the agent's own switch").isEqualTo(1);
		JsonNode onTheWall = Provisioning.json(mvc.perform(get("/api/center/wall").session(admin))).get("seats").get(1);
		assertThat(onTheWall.get("status").asString()).isEqualTo("REST");
		for (String figure : List.of("seat", "seatNumber", "userName", "inboundAnswered", "inboundTalkSeconds", "outboundCalls",
				"outboundAnswered", "outboundTalkSeconds", "offered", "answeredOffers", "answerRate", "phoneRegistered")) {
			assertThat(switched.get(figure)).as("the switch's answer, read for the seat alone: " + figure).isEqualTo(onTheWall.get(figure));
		}
		JsonNode switchedA = Provisioning.json(mvc.perform(put("/api/center/wall/{seat}/status", a).session(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"BUSY\"}")).andExpect(status().isOk()));
		assertThat(switchedA.get("status").asString()).isEqualTo("BUSY");
		for (String figure : List.of("seat", "inboundAnswered", "inboundTalkSeconds", "outboundCalls", "outboundAnswered", "outboundTalkSeconds",
				"offered", "answeredOffers", "answerRate", "busySeconds", "talkSeconds", "wrapUpSeconds", "restSeconds")) {
			assertThat(switchedA.get(figure)).as("seat A's own day in the switch's answer: " + figure).isEqualTo(seatA.get(figure));
		}

		mvc.perform(put("/api/center/wall/{seat}/status", b).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"IDLE\",\"reason\":\"lunch\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("agent.reason-only-resting")).andExpect(jsonPath("$.messageEn").isNotEmpty());
		mvc.perform(put("/api/center/wall/{seat}/status", b).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"ASLEEP\"}")).andExpect(status().isBadRequest());
		// another tenant's seat is no seat of this one, and nothing changes there
		mvc.perform(put("/api/center/wall/{seat}/status", CallCenterContract.MY_SEAT).session(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"BUSY\"}")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("call.seat-not-found"));
		MockHttpSession demoSupervisor = Sessions.tenantUser(mvc, CallCenterContract.DEMO, "supervisor", "super123");
		JsonNode demoWall = Provisioning.json(mvc.perform(get("/api/center/wall").session(demoSupervisor)).andExpect(status().isOk()));
		assertThat(demoWall.get("seats")).extracting(s -> s.get("seat").asString()).doesNotContain(a, b).contains(CallCenterContract.MY_SEAT);
		mvc.perform(get("/api/center/wall").session(Sessions.tenantUser(mvc, CallCenterContract.DEMO, "agent", "agent123")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSettingsAreTheTenantsOwnChangedByItsAdministratorWithinBounds() throws Exception {
		Provisioning.OpenedTenant tenant = new Provisioning(mvc, Sessions.staff(mvc, "staff", "staff123"))
			.openTenant("中心设置" + System.nanoTime() % 100_000);
		MockHttpSession admin = Sessions.tenantUser(mvc, tenant.code(), "admin", tenant.adminPassword());
		JsonNode defaults = Provisioning.json(mvc.perform(get("/api/center/settings").session(admin)).andExpect(status().isOk()));
		assertThat(defaults.get("serviceLevelSeconds").asInt()).isEqualTo(20);
		assertThat(defaults.get("callbackSlaMinutes").asInt()).isEqualTo(120);
		assertThat(defaults.get("recordingRetentionDays").isNull()).isTrue();

		JsonNode saved = Provisioning.json(mvc.perform(put("/api/center/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceLevelSeconds\":30,\"callbackSlaMinutes\":60,\"recordingRetentionDays\":90}")).andExpect(status().isOk()));
		assertThat(saved.get("serviceLevelSeconds").asInt()).isEqualTo(30);
		assertThat(saved.get("recordingRetentionDays").asInt()).isEqualTo(90);
		assertThat(saved.get("updatedBy").asString()).isEqualTo("admin");
		assertThat(Provisioning.json(mvc.perform(get("/api/center/today").session(admin))).get("serviceLevelSeconds").asInt())
			.as("today's service level uses the new N").isEqualTo(30);

		mvc.perform(put("/api/center/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceLevelSeconds\":0,\"callbackSlaMinutes\":60,\"recordingRetentionDays\":90}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.invalid")).andExpect(jsonPath("$.fields[0].field").value("serviceLevelSeconds"))
			.andExpect(jsonPath("$.fields[0].messageEn").isNotEmpty());
		mvc.perform(put("/api/center/settings").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceLevelSeconds\":30,\"callbackSlaMinutes\":60,\"recordingRetentionDays\":0}")).andExpect(status().isBadRequest());
		assertThat(Provisioning.json(mvc.perform(get("/api/center/settings").session(admin))).get("recordingRetentionDays").asInt())
			.as("nothing saved").isEqualTo(90);

		MockHttpSession demoSupervisor = Sessions.tenantUser(mvc, CallCenterContract.DEMO, "supervisor", "super123");
		assertThat(Provisioning.json(mvc.perform(get("/api/center/settings").session(demoSupervisor)).andExpect(status().isOk()))
			.get("callbackSlaMinutes").asInt()).as("another tenant's are its own").isEqualTo(120);
		mvc.perform(put("/api/center/settings").session(demoSupervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"serviceLevelSeconds\":30,\"callbackSlaMinutes\":60}")).andExpect(status().isForbidden());
	}

	@Test
	void theWallboardGivesTheDayAndEachHourWithTheirFormulas() throws Exception {
		Provisioning provisioning = new Provisioning(mvc, Sessions.staff(mvc, "staff", "staff123"));
		Provisioning.OpenedTenant tenant = provisioning.openTenant("服务水平" + System.nanoTime() % 100_000);
		String a = provisioning.allocateSeats(tenant.id(), 1).get(0).get("sipUsername").asString();
		TenantScope scope = tenants.scopeOf(tenants.require(tenant.id()));
		LocalDate day = LocalDate.now(clock.withZone(MiddayInChina.CHINA));
		Instant eight = day.atTime(8, 0).atZone(MiddayInChina.CHINA).toInstant();
		TenantContext.run(scope, () -> {
			// free 10 min, a 10 min call, 2 min wrap-up, free until 09:10: occupancy 12 of 60 minutes at 8, 0 of 10 at 9
			state(a, "IDLE", "WAITING", eight);
			state(a, "IDLE", "TALKING", eight.plusSeconds(600));
			state(a, "IDLE", "WRAP_UP", eight.plusSeconds(1200));
			state(a, "IDLE", "WAITING", eight.plusSeconds(1320));
			state(a, "OFFLINE", "WAITING", eight.plusSeconds(3600 + 600));
			call(a, "INBOUND", eight.plusSeconds(60), 60, 5);
			call(a, "INBOUND", eight.plusSeconds(700), 60, 5);
			call(a, "INBOUND", eight.plusSeconds(900), -1, 0);
			call(a, "INBOUND", eight.plusSeconds(2 * 3600 + 60), 60, 30); // 10:01, answered after 30 s: outside the SL
		});
		MockHttpSession admin = Sessions.tenantUser(mvc, tenant.code(), "admin", tenant.adminPassword());

		JsonNode board = Provisioning.json(mvc.perform(get("/api/center/service-level").session(admin)).andExpect(status().isOk()));
		assertThat(board.get("day").asString()).isEqualTo(day.toString());
		assertThat(board.get("queue").get("waiting").asInt()).isZero();
		JsonNode figures = board.get("figures");
		assertThat(figures.get("inboundOffered").asLong()).isEqualTo(4);
		assertThat(figures.get("inboundAnswered").asLong()).isEqualTo(3);
		assertThat(figures.get("serviceLevel").get("value").asDouble()).isEqualTo(0.5);
		assertThat(figures.get("serviceLevel").get("formula").asString()).isEqualTo("answered within 20 s ÷ (offered − short abandons)");
		assertThat(figures.get("averageSpeedOfAnswerSeconds").asDouble()).isCloseTo(40.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(board.get("occupancy").get("numerator").asLong()).isEqualTo(720);
		assertThat(board.get("occupancy").get("denominator").asLong()).isEqualTo(4200);
		assertThat(board.get("averageHandleSeconds").asDouble()).as("(180 s talk + 120 s wrap-up) ÷ 3").isEqualTo(100.0);
		JsonNode hours = board.get("hours");
		assertThat(hours).hasSize(24);
		assertThat(hours.get(8).get("figures").get("inboundOffered").asLong()).isEqualTo(3);
		assertThat(hours.get(8).get("figures").get("serviceLevel").get("numerator").asLong()).isEqualTo(2);
		assertThat(hours.get(9).get("figures").get("inboundOffered").asLong()).isZero();
		assertThat(hours.get(9).get("figures").get("serviceLevel").get("value").isNull()).isTrue();
		assertThat(hours.get(10).get("figures").get("serviceLevel").get("value").asDouble()).isZero();
		assertThat(hours.get(8).get("occupancy").get("value").asDouble()).isEqualTo(0.2);
		assertThat(hours.get(8).get("averageHandleSeconds").asDouble()).as("(120 s talk + 120 s wrap-up) ÷ 2").isEqualTo(120.0);
		assertThat(hours.get(9).get("occupancy").get("value").asDouble()).as("free 09:00–09:10, then signed out").isZero();
		assertThat(hours.get(9).get("occupancy").get("denominator").asLong()).isEqualTo(600);
		assertThat(hours.get(10).get("occupancy").get("value").isNull()).as("nobody signed in").isTrue();
		assertThat(hours.get(10).get("averageHandleSeconds").asDouble()).as("a 60 s call, no wrap-up journalled").isEqualTo(60.0);
		assertThat(hours.get(13).get("occupancy").get("value").isNull()).as("after now").isTrue();

		JsonNode yesterday = Provisioning.json(mvc.perform(get("/api/center/service-level").session(admin).param("day", day.minusDays(1).toString()))
			.andExpect(status().isOk()));
		assertThat(yesterday.get("queue").isNull()).as("no queue on a past day").isTrue();
		assertThat(yesterday.get("figures").get("inboundOffered").asLong()).isZero();
		mvc.perform(get("/api/center/service-level").session(admin).param("day", day.plusDays(1).toString())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("center.day.future")).andExpect(jsonPath("$.messageEn").isNotEmpty());
		mvc.perform(get("/api/center/service-level").session(admin).param("day", "昨天")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("center.date.invalid"));
	}

	private void state(String seat, String status, String state, Instant at) {
		jdbc.update("INSERT INTO agent_state_log (seat, status, state, call_id, reason, occurred_at) VALUES (?, ?, ?, NULL, NULL, ?)", seat, status,
				state, Timestamp.from(at));
	}

	private void call(String seat, String direction, Instant offered, int talk) {
		call(seat, direction, offered, talk, 5);
	}

	/** An ended call of the seat: answered after {@code wait} s and talked {@code talk} s, or (-1) unanswered. */
	private void call(String seat, String direction, Instant offered, int talk, int wait) {
		boolean answered = talk >= 0;
		String tab = direction.equals("INBOUND") ? (answered ? "IN_ANSWERED" : "IN_MISSED") : (answered ? "OUT_ANSWERED" : "OUT_MISSED");
		jdbc.update("INSERT INTO call_record (id, direction, customer_number, seat, state, offered_at, answered_at, ended_at, tab, node) "
				+ "VALUES (?, ?, '13912340000', ?, 'ENDED', ?, ?, ?, ?, 'wall-it')", UUID.randomUUID().toString(), direction, seat,
				Timestamp.from(offered), answered ? Timestamp.from(offered.plusSeconds(wait)) : null,
				Timestamp.from(offered.plusSeconds(answered ? wait + talk : 20)), tab);
	}
}
