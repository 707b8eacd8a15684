package com.calldesk.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.MiddayInChina;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Provisioning.OpenedTenant;
import com.calldesk.support.Sessions;
import com.calldesk.telephony.CallLeg;
import com.calldesk.telephony.CallLegMapper;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecordMapper;
import com.calldesk.telephony.CallTab;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The call center page's lists and detail on the whole application (H2 and MariaDB by the
 * subclasses), as the demo tenant's supervisor. Every test seeds its calls under its own caller
 * numbers and filters by them, so tests sharing the tenant do not see each other's calls.
 */
abstract class CallCenterContract {

	static final String DEMO = "2001000";

	static final String MY_SEAT = "ss2001000ss0001";

	static final String OTHER_SEAT = "ss2001000ss0002";

	/** The recording links' key in these tests, so a test can sign a link the way the server would. */
	static final String LINK_KEY = "Y2FsbGRlc2stY2VudGVyLWl0LWxpbmsta2V5LTAwMDE=";

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	CallRecordMapper records;

	@Autowired
	CallLegMapper legs;

	abstract String staffPassword();

	MockHttpSession supervisor;

	@BeforeEach
	void signIn() throws Exception {
		supervisor = Sessions.tenantUser(mvc, DEMO, "supervisor", "super123");
	}

	@Test
	void eachTabListsExactlyItsEndedCallsNewestFirst() throws Exception {
		String caller = uniqueCaller();
		String inAnswered1 = call("INBOUND", caller, MY_SEAT, minutesAgo(50), true);
		String inAnswered2 = call("INBOUND", caller, OTHER_SEAT, minutesAgo(40), true);
		String inMissed = call("INBOUND", caller, null, minutesAgo(35), false);
		String outAnswered = call("OUTBOUND", caller, MY_SEAT, minutesAgo(30), true);
		String outMissed1 = call("OUTBOUND", caller, MY_SEAT, minutesAgo(25), false);
		String outMissed2 = call("OUTBOUND", caller, OTHER_SEAT, minutesAgo(20), false);
		call("INTERNAL", caller, MY_SEAT, minutesAgo(15), true);
		inProgress(caller, minutesAgo(1));

		assertThat(ids(list("IN_ANSWERED", "number", caller))).containsExactly(inAnswered2, inAnswered1);
		assertThat(ids(list("IN_MISSED", "number", caller))).containsExactly(inMissed);
		assertThat(ids(list("OUT_ANSWERED", "number", caller))).containsExactly(outAnswered);
		assertThat(ids(list("OUT_MISSED", "number", caller))).containsExactly(outMissed2, outMissed1);

		JsonNode line = list("IN_ANSWERED", "number", caller).get("lines").get(0);
		assertThat(line.get("tab").asString()).isEqualTo("IN_ANSWERED");
		assertThat(line.get("seat").asString()).isEqualTo(OTHER_SEAT);
		assertThat(line.get("waitSeconds").asLong()).isEqualTo(5);
		assertThat(line.get("talkSeconds").asLong()).isEqualTo(60);
		assertThat(line.get("regionZh").asString()).isNotBlank();
	}

	@Test
	void pagesFollowTheKeyWithoutGapsOrRepeatsEvenWhenCallsShareTheirTime() throws Exception {
		String caller = uniqueCaller();
		List<String> expected = new ArrayList<>();
		Instant same = minutesAgo(30);
		for (int i = 0; i < 7; i++) {
			expected.add(call("INBOUND", caller, MY_SEAT, i < 3 ? same : minutesAgo(29 - i), true));
		}
		// newest first; calls offered at the same instant in descending id order
		List<String> newestFirst = new ArrayList<>(expected.subList(3, 7));
		java.util.Collections.reverse(newestFirst);
		expected.subList(0, 3).stream().sorted(java.util.Comparator.reverseOrder()).forEach(newestFirst::add);

		List<String> seen = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = json(mvc.perform(get("/api/center/calls").session(supervisor).param("tab", "IN_ANSWERED").param("number", caller)
				.param("size", "3").param("cursor", cursor == null ? "" : cursor)).andExpect(status().isOk()));
			List<String> ids = ids(page);
			sizes.add(ids.size());
			seen.addAll(ids);
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		assertThat(sizes).containsExactly(3, 3, 1);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void callTimesKeepTheirMillisecondsSoCallsWithinOneSecondPageInTheOrderTheyCame() throws Exception {
		String caller = uniqueCaller();
		Instant second = minutesAgo(40).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<String> oldestFirst = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			oldestFirst.add(call("INBOUND", caller, MY_SEAT, second.plusMillis(100 + 150 * i), true));
		}
		assertThat(TenantContext.call(demo(), () -> records.selectById(oldestFirst.get(1)).getOfferedAt()))
			.as("stored to the millisecond").isEqualTo(second.plusMillis(250));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = list("IN_ANSWERED", "number", caller, "size", "2", "cursor", cursor == null ? "" : cursor);
			seen.addAll(ids(page));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		List<String> newestFirst = new ArrayList<>(oldestFirst);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).as("newest first across pages, none skipped at a cursor inside the second").containsExactlyElementsOf(newestFirst);
	}

	@Test
	void filtersBySeatAnySpellingOfTheNumberACustomerAndTheDays() throws Exception {
		String caller = uniqueCaller();
		String mine = call("INBOUND", caller, MY_SEAT, minutesAgo(10), true);
		String theirs = call("INBOUND", caller, OTHER_SEAT, minutesAgo(9), true);
		Instant yesterdayNoon = LocalDate.now(clock.withZone(MiddayInChina.CHINA)).minusDays(1).atTime(12, 0)
			.atZone(MiddayInChina.CHINA).toInstant();
		String yesterdays = call("INBOUND", caller, MY_SEAT, yesterdayNoon, true);

		assertThat(ids(list("IN_ANSWERED", "number", caller, "seat", MY_SEAT))).containsExactly(mine);
		assertThat(ids(list("IN_ANSWERED", "number", "+86" + caller))).containsExactly(theirs, mine);
		String yesterday = LocalDate.now(clock.withZone(MiddayInChina.CHINA)).minusDays(1).toString();
		assertThat(ids(list("IN_ANSWERED", "number", caller, "from", yesterday))).containsExactly(theirs, mine, yesterdays);
		assertThat(ids(list("IN_ANSWERED", "number", caller, "from", yesterday, "to", yesterday))).containsExactly(yesterdays);

		long customer = json(mvc.perform(post("/api/desk/callers").session(Sessions.tenantUser(mvc, DEMO, "agent", "agent123")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(Provisioning.write(java.util.Map.of("number", caller, "name", "联系人", "customerName", "客户" + caller))))
			.andExpect(status().isOk())).get("customerId").asLong();
		JsonNode byCustomer = list("IN_ANSWERED", "customer", String.valueOf(customer));
		assertThat(ids(byCustomer)).containsExactly(theirs, mine);
		assertThat(byCustomer.get("lines").get(0).get("customerName").asString()).isEqualTo("客户" + caller);
	}

	@Test
	void badFiltersAndAlteredCursorsAreRefusedInBothLanguages() throws Exception {
		expectBadRequest(get("/api/center/calls").param("tab", "ANSWERED"), "center.tab.invalid");
		expectBadRequest(get("/api/center/calls").param("tab", "IN_MISSED").param("from", "2026-13-01"), "center.date.invalid");
		expectBadRequest(get("/api/center/calls").param("tab", "IN_MISSED").param("from", "2026-12-02").param("to", "2026-12-01"),
				"center.range.reversed");
		expectBadRequest(get("/api/center/calls").param("tab", "IN_MISSED").param("from", "2020-01-01").param("to", "2026-01-01"),
				"center.range.too-long");
		expectBadRequest(get("/api/center/calls").param("tab", "IN_MISSED").param("cursor", "not-a-cursor"), "center.cursor.invalid");
	}

	@Test
	void theDetailHasTheLegsAndIsOnlyForTheTenantsSupervisorsAndAdministrators() throws Exception {
		String caller = uniqueCaller();
		String callId = call("INBOUND", caller, MY_SEAT, minutesAgo(5), true);
		TenantContext.run(demo(), () -> legs.insert(leg(callId, "AGENT", MY_SEAT, minutesAgo(5))));
		mvc.perform(get("/api/center/calls/{id}", callId).session(supervisor)).andExpect(status().isOk())
			.andExpect(jsonPath("$.call.id").value(callId)).andExpect(jsonPath("$.legs[0].kind").value("AGENT"))
			.andExpect(jsonPath("$.legs[0].party").value(MY_SEAT)).andExpect(jsonPath("$.steps").isArray());
		mvc.perform(get("/api/center/calls/{id}", callId).session(Sessions.tenantUser(mvc, DEMO, "admin", "admin123")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/center/calls/{id}", callId).session(Sessions.tenantUser(mvc, DEMO, "agent", "agent123")))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.denied"));

		OpenedTenant other = provisioning().openTenant("隔壁呼叫中心" + caller.substring(7));
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get("/api/center/calls/{id}", callId).session(theirAdmin)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("call.not-found")).andExpect(jsonPath("$.messageEn").value("No call " + callId + "."));
		assertThat(ids(json(mvc.perform(get("/api/center/calls").session(theirAdmin).param("tab", "IN_ANSWERED").param("number", caller)))))
			.isEmpty();
	}


	@Test
	void aRecordingLinkPlaysAndSeeksForItsUserOnlyAndEveryPlaybackIsAudited() throws Exception {
		String callId = recordedCall(uniqueCaller(), MY_SEAT, minutesAgo(8));
		String url = link(supervisor, callId, "PLAY").get("url").asString();
		byte[] whole = mvc.perform(get(url).session(supervisor)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "audio/wav")).andExpect(header().string("Accept-Ranges", "bytes"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(whole).isEqualTo(WAV);
		byte[] seeked = mvc.perform(get(url).session(supervisor).header("Range", "bytes=44-"))
			.andExpect(status().isPartialContent()).andReturn().getResponse().getContentAsByteArray();
		assertThat(seeked).isEqualTo(java.util.Arrays.copyOfRange(WAV, 44, WAV.length));

		String download = link(supervisor, callId, "DOWNLOAD").get("url").asString();
		mvc.perform(get(download).session(supervisor)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));

		// the same link in a colleague's session is not theirs
		MockHttpSession admin = Sessions.tenantUser(mvc, DEMO, "admin", "admin123");
		mvc.perform(get(url).session(admin)).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("recording.link-invalid"));

		List<String> actions = new ArrayList<>();
		json(mvc.perform(get("/api/recordings/{id}/access", callId).session(admin)).andExpect(status().isOk()))
			.forEach(a -> actions.add(a.get("action").asString() + " " + a.get("username").asString()));
		// newest first; the seek did not count as another playback
		assertThat(actions).containsExactly("DOWNLOAD supervisor", "LINK_DOWNLOAD supervisor", "PLAY supervisor", "LINK_PLAY supervisor");
	}

	@Test
	void anAlteredOrExpiredLinkIsForbiddenAndAnotherTenantsIsNotFound() throws Exception {
		String callId = recordedCall(uniqueCaller(), MY_SEAT, minutesAgo(7));
		String url = link(supervisor, callId, "PLAY").get("url").asString();
		mvc.perform(get(url.replace("use=PLAY", "use=DOWNLOAD")).session(supervisor)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("recording.link-invalid")).andExpect(jsonPath("$.message").isNotEmpty());
		String sig = url.substring(url.indexOf("sig=") + 4);
		String flipped = (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1);
		mvc.perform(get(url.replace(sig, flipped)).session(supervisor)).andExpect(status().isForbidden());
		String exp = url.replaceAll(".*exp=(\\d+).*", "$1");
		mvc.perform(get(url.replace("exp=" + exp, "exp=" + (Long.parseLong(exp) + 3600))).session(supervisor)).andExpect(status().isForbidden());

		long tenantId = demo().tenantId();
		long supervisorId = Long.parseLong(url.replaceAll(".*[?&]u=(\\d+).*", "$1"));
		long past = clock.instant().minusSeconds(1).getEpochSecond();
		String expired = "/api/recordings/" + callId + "/audio?t=" + tenantId + "&u=" + supervisorId + "&use=PLAY&exp=" + past + "&sig="
				+ sign(tenantId + "\n" + callId + "\n" + supervisorId + "\nPLAY\n" + past);
		mvc.perform(get(expired).session(supervisor)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("recording.link-expired")).andExpect(jsonPath("$.messageEn").isNotEmpty());

		OpenedTenant other = provisioning().openTenant("别家录音" + callId.substring(0, 4));
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get(url).session(theirAdmin)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("call.not-found"));
		mvc.perform(post("/api/recordings/{id}/links", callId).session(theirAdmin).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void anAgentHearsTheCallsTheirSeatTookAndNoOthers() throws Exception {
		MockHttpSession agent = Sessions.tenantUser(mvc, DEMO, "agent", "agent123");
		String mine = recordedCall(uniqueCaller(), MY_SEAT, minutesAgo(6));
		String transferredToMe = recordedCall(uniqueCaller(), OTHER_SEAT, minutesAgo(5));
		TenantContext.run(demo(), () -> legs.insert(leg(transferredToMe, "AGENT", MY_SEAT, minutesAgo(5))));
		String notMine = recordedCall(uniqueCaller(), OTHER_SEAT, minutesAgo(4));

		mvc.perform(get(link(agent, mine, "PLAY").get("url").asString()).session(agent)).andExpect(status().isOk());
		mvc.perform(get(link(agent, transferredToMe, "PLAY").get("url").asString()).session(agent)).andExpect(status().isOk());
		mvc.perform(post("/api/recordings/{id}/links", notMine).session(agent).with(csrf())).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("recording.not-yours"));
		mvc.perform(get("/api/recordings/{id}/access", mine).session(agent)).andExpect(status().isForbidden());
	}

	@Test
	void retentionDeletesOldRecordingsButNotThoseUnderLegalHoldUntilReleased() throws Exception {
		TenantScope demo = demo();
		TenantContext.run(demo, () -> jdbc.update("UPDATE center_settings SET recording_retention_days = 30, retention_swept_until = NULL"));
		try {
			String old = recordedCall(uniqueCaller(), MY_SEAT, clock.instant().minus(java.time.Duration.ofDays(40)));
			String held = recordedCall(uniqueCaller(), MY_SEAT, clock.instant().minus(java.time.Duration.ofDays(41)));
			String recent = recordedCall(uniqueCaller(), MY_SEAT, clock.instant().minus(java.time.Duration.ofDays(10)));
			MockHttpSession admin = Sessions.tenantUser(mvc, DEMO, "admin", "admin123");
			mvc.perform(put("/api/recordings/{id}/hold", held).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hold\":true}")).andExpect(status().isOk());
			mvc.perform(put("/api/recordings/{id}/hold", held).session(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hold\":false}")).andExpect(status().isForbidden());

			assertThat(Files.exists(fileOf(old))).isTrue();
			assertThat(retention.sweep(demo)).isEqualTo(1);
			assertThat(Files.exists(fileOf(old))).isFalse();
			assertThat(TenantContext.call(demo, () -> jdbc.queryForObject("SELECT recording FROM call_record WHERE id = ?", String.class, old)))
				.isNull();
			assertThat(Files.exists(fileOf(held))).isTrue();
			assertThat(Files.exists(fileOf(recent))).isTrue();
			mvc.perform(post("/api/recordings/{id}/links", old).session(supervisor).with(csrf())).andExpect(status().isGone())
				.andExpect(jsonPath("$.code").value("recording.deleted"));
			assertThat(retention.sweep(demo)).isZero();

			mvc.perform(put("/api/recordings/{id}/hold", held).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hold\":false}")).andExpect(status().isOk());
			assertThat(retention.sweep(demo)).isEqualTo(1);
			assertThat(Files.exists(fileOf(held))).isFalse();
			List<String> actions = new ArrayList<>();
			json(mvc.perform(get("/api/recordings/{id}/access", held).session(admin))).forEach(a -> actions.add(a.get("action").asString()));
			assertThat(actions).containsExactly("DELETE", "RELEASE", "HOLD");
		}
		finally {
			TenantContext.run(demo, () -> jdbc.update("UPDATE center_settings SET recording_retention_days = NULL"));
		}
	}


	@Test
	void aMissedCallBecomesATaskForTheStickyAgentAndRepeatCallsOfTheDayFoldIntoIt() throws Exception {
		String caller = uniqueCaller();
		call("INBOUND", caller, MY_SEAT, minutesAgo(60), true); // the agent talked with them an hour ago
		String first = missedCall(caller, minutesAgo(20));
		String again = missedCall("+86" + caller, minutesAgo(10));

		MockHttpSession agent = Sessions.tenantUser(mvc, DEMO, "agent", "agent123");
		JsonNode task = taskOf(json(mvc.perform(get("/api/callbacks").session(agent)).andExpect(status().isOk())), "+86" + caller);
		assertThat(task).as("the agent's open tasks hold the caller's").isNotNull();
		assertThat(task.get("ownerSeat").asString()).isEqualTo(MY_SEAT);
		assertThat(task.get("ownerReason").asString()).isEqualTo("STICKY");
		assertThat(task.get("missedCalls").asInt()).isEqualTo(2);
		assertThat(task.get("firstCallId").asString()).isEqualTo(first);
		assertThat(task.get("lastCallId").asString()).isEqualTo(again);
		assertThat(task.get("source").asString()).isEqualTo("MISSED");
		assertThat(java.time.Duration.between(Instant.parse(task.get("createdAt").asString()), Instant.parse(task.get("dueAt").asString())))
			.isEqualTo(java.time.Duration.ofMinutes(120));
		assertThat(taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller).get("id").asLong())
			.isEqualTo(task.get("id").asLong());

		String third = missedCall(caller, minutesAgo(5));
		JsonNode missed = list("IN_MISSED", "number", caller);
		assertThat(ids(missed)).containsExactly(third, again, first);
		for (JsonNode line : missed.get("lines")) {
			assertThat(line.get("callback").get("taskId").asLong()).isEqualTo(task.get("id").asLong());
			assertThat(line.get("callback").get("status").asString()).isEqualTo("OPEN");
			assertThat(line.get("callback").get("missedCalls").asInt()).isEqualTo(3);
		}
	}

	@Test
	void withoutAStickyAgentTasksGoRoundTheAgentsInTurn() throws Exception {
		long agent2 = TenantContext.call(demo(), () -> users.byUsername("agent2").orElseThrow().getId());
		long seat2 = TenantContext.call(demo(), () -> seatSettings.list().stream().filter(r -> r.sipUsername().equals(OTHER_SEAT))
			.findFirst().orElseThrow().seatId());
		TenantContext.run(demo(), () -> seatSettings.bind(seat2, agent2, "test"));
		try {
			List<String> owners = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String caller = uniqueCaller();
				missedCall(caller, minutesAgo(5));
				owners.add(taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller).get("ownerSeat").asString());
			}
			assertThat(owners.get(0)).isNotEqualTo(owners.get(1));
			assertThat(owners.get(2)).isEqualTo(owners.get(0));
			assertThat(owners.get(3)).isEqualTo(owners.get(1));
			assertThat(owners).containsOnly(MY_SEAT, OTHER_SEAT);
		}
		finally {
			TenantContext.run(demo(), () -> seatSettings.unbind(seat2));
		}
	}

	@Test
	void anAnsweredCallBackClosesTheTaskAndAnUnansweredOneIsAnAttempt() throws Exception {
		String caller = uniqueCaller();
		missedCall(caller, minutesAgo(30));
		long id = taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller).get("id").asLong();
		String noAnswer = closedCall("OUTBOUND", caller, MY_SEAT, minutesAgo(20), false);
		JsonNode tried = json(mvc.perform(get("/api/callbacks/{id}", id).session(supervisor)).andExpect(status().isOk()));
		assertThat(tried.get("task").get("status").asString()).isEqualTo("OPEN");
		assertThat(tried.get("task").get("attempts").asInt()).isEqualTo(1);
		assertThat(tried.get("attempts").get(0).get("callId").asString()).isEqualTo(noAnswer);
		assertThat(tried.get("attempts").get(0).get("outcome").asString()).isEqualTo("NOT_REACHED");

		String reached = closedCall("OUTBOUND", "0086" + caller, MY_SEAT, minutesAgo(10), true);
		JsonNode done = json(mvc.perform(get("/api/callbacks/{id}", id).session(supervisor)));
		assertThat(done.get("task").get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("task").get("outcome").asString()).isEqualTo("CALLED_BACK");
		assertThat(done.get("task").get("closingCallId").asString()).isEqualTo(reached);
		assertThat(done.get("attempts")).hasSize(2);
		assertThat(taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller)).isNull();
		// the next missed call of the caller, the same day, opens a new task
		missedCall(caller, minutesAgo(5));
		assertThat(taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller).get("id").asLong()).isNotEqualTo(id);
	}

	@Test
	void ofTwoPeopleClosingOneTaskAtOnceOneWinsAndTheOtherIsTold() throws Exception {
		String caller = uniqueCaller();
		missedCall(caller, minutesAgo(15));
		JsonNode task = taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller);
		long id = task.get("id").asLong();
		int version = task.get("version").asInt();
		MockHttpSession admin = Sessions.tenantUser(mvc, DEMO, "admin", "admin123");
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Integer>> closes = new ArrayList<>();
			for (MockHttpSession who : List.of(supervisor, admin)) {
				closes.add(two.submit(() -> {
					together.await();
					return mvc.perform(post("/api/callbacks/{id}/close", id).session(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
						.content("{\"outcome\":\"RESOLVED\",\"note\":\"已处理\",\"version\":" + version + "}")).andReturn().getResponse().getStatus();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (var close : closes) {
				statuses.add(close.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			two.shutdownNow();
		}
		JsonNode done = json(mvc.perform(get("/api/callbacks/{id}", id).session(supervisor)));
		assertThat(done.get("task").get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("attempts")).hasSize(1);
		mvc.perform(post("/api/callbacks/{id}/close", id).session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("callback.already-closed"))
			.andExpect(jsonPath("$.messageEn").value("Callback task " + id + " was already closed by " + done.get("task").get("closedBy").asString() + "."));
	}

	@Test
	void tasksAreTheTenantsAndAnAgentWorksOnlyTheirOwn() throws Exception {
		String caller = uniqueCaller();
		call("INBOUND", caller, MY_SEAT, minutesAgo(40), true);
		missedCall(caller, minutesAgo(15));
		long id = taskOf(json(mvc.perform(get("/api/callbacks").session(supervisor))), "+86" + caller).get("id").asLong();
		expectBadRequest(post("/api/callbacks/{id}/close", id).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"MAYBE\"}"),
				"callback.outcome.invalid");
		expectBadRequest(get("/api/callbacks").param("status", "LATER"), "callback.status.invalid");

		MockHttpSession agent2 = Sessions.tenantUser(mvc, DEMO, "agent2", "agent123");
		mvc.perform(get("/api/callbacks/{id}", id).session(agent2)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("callback.not-yours"));
		assertThat(taskOf(json(mvc.perform(get("/api/callbacks").session(agent2))), "+86" + caller)).isNull();

		OpenedTenant other = provisioning().openTenant("别家回拨" + caller.substring(7));
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get("/api/callbacks/{id}", id).session(theirAdmin)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("callback.not-found"));
		mvc.perform(post("/api/callbacks/{id}/close", id).session(theirAdmin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}")).andExpect(status().isNotFound());

		MockHttpSession agent = Sessions.tenantUser(mvc, DEMO, "agent", "agent123");
		mvc.perform(post("/api/callbacks/{id}/attempts", id).session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"LEFT_MESSAGE\",\"note\":\"留了短信\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.task.attempts").value(1)).andExpect(jsonPath("$.attempts[0].note").value("留了短信"));
	}


	@Test
	void todaysFiguresFollowTheirFormulasAndTheBasicInformationIsTheTenants() throws Exception {
		OpenedTenant fresh = provisioning().openTenant("今日数据" + uniqueCaller().substring(5));
		TenantScope scope = tenants.scopeOf(tenants.require(fresh.id()));
		MockHttpSession admin = Sessions.tenantUser(mvc, fresh.code(), "admin", fresh.adminPassword());
		String caller = uniqueCaller();
		for (int wait : new int[] { 5, 5, 5, 30 }) {
			seed(scope, "INBOUND", caller, minutesAgo(30), wait, 60, 0);
		}
		seed(scope, "INBOUND", caller, minutesAgo(25), -1, 0, 0); // missed after 20 s
		seed(scope, "INBOUND", caller, minutesAgo(24), -1, 0, 0);
		seed(scope, "INBOUND", caller, minutesAgo(23), -3, 0, 0); // a short abandon: gone after 3 s
		seed(scope, "OUTBOUND", caller, minutesAgo(20), 8, 100, 120);
		seed(scope, "OUTBOUND", caller, minutesAgo(19), 8, 40, 60);
		seed(scope, "OUTBOUND", caller, minutesAgo(18), -1, 0, 0);
		seed(scope, "INBOUND", caller, LocalDate.now(clock.withZone(MiddayInChina.CHINA)).minusDays(1).atStartOfDay(MiddayInChina.CHINA)
			.toInstant(), 5, 60, 0); // yesterday: not today's

		JsonNode today = json(mvc.perform(get("/api/center/today").session(admin)).andExpect(status().isOk()));
		assertThat(today.get("serviceLevelSeconds").asInt()).isEqualTo(20);
		assertThat(today.get("inboundOffered").asLong()).isEqualTo(7);
		assertThat(today.get("inboundAnswered").asLong()).isEqualTo(4);
		assertThat(today.get("inboundMissed").asLong()).isEqualTo(3);
		assertThat(today.get("shortAbandons").asLong()).isEqualTo(1);
		assertThat(today.get("outboundPlaced").asLong()).isEqualTo(3);
		// the wallboard's day is the same figures, and its hours add up to them (on both databases' hour arithmetic)
		JsonNode board = json(mvc.perform(get("/api/center/service-level").session(admin)).andExpect(status().isOk()));
		assertThat(board.get("figures").get("inboundOffered").asLong()).isEqualTo(7);
		assertThat(board.get("figures").get("serviceLevel").get("numerator").asLong()).isEqualTo(today.get("serviceLevel").get("numerator").asLong());
		long byHours = 0;
		for (JsonNode hour : board.get("hours")) {
			byHours += hour.get("figures").get("inboundOffered").asLong();
		}
		assertThat(byHours).isEqualTo(7);
		int thisHour = java.time.LocalTime.ofInstant(minutesAgo(30), MiddayInChina.CHINA).getHour();
		assertThat(board.get("hours").get(thisHour).get("figures").get("inboundAnswered").asLong()).as("the hour they were offered in").isEqualTo(4);
		assertThat(today.get("outboundAnswered").asLong()).isEqualTo(2);
		assertThat(today.get("inboundTalkSeconds").asLong()).isEqualTo(240);
		assertThat(today.get("outboundTalkSeconds").asLong()).isEqualTo(140);
		// SL(20) = 3 answered within 20 s ÷ (7 offered − 1 short abandon)
		assertThat(today.get("serviceLevel").get("value").asDouble()).isEqualTo(0.5);
		assertThat(today.get("serviceLevel").get("formula").asString()).contains("within 20 s");
		assertThat(today.get("answerRate").get("value").asDouble()).isEqualTo(4.0 / 6);
		assertThat(today.get("abandonRate").get("value").asDouble()).isEqualTo(2.0 / 7);
		assertThat(today.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(45.0 / 4);
		assertThat(today.get("averageHandleSeconds").asDouble()).isEqualTo(60.0);

		JsonNode info = json(mvc.perform(get("/api/center/info").session(admin)).andExpect(status().isOk()));
		assertThat(info.get("tenantCode").asString()).isEqualTo(fresh.code());
		assertThat(info.get("monthChargesFen").asLong()).isEqualTo(180);
		assertThat(info.get("trunks").isArray()).isTrue();
		mvc.perform(get("/api/center/today").session(Sessions.tenantUser(mvc, DEMO, "agent", "agent123"))).andExpect(status().isForbidden());
	}

	// --- helpers

	/**
	 * An ended call in {@code tenant}: answered after {@code wait} seconds and talked {@code talk}, or,
	 * with a negative wait, not answered and ended after -wait seconds (-1: after 20 s).
	 */
	void seed(TenantScope tenant, String direction, String caller, Instant offered, int wait, int talk, long costFen) {
		CallRecord record = record(direction, caller, wait >= 0 ? MY_SEAT : null, offered);
		record.setState("ENDED");
		record.setAnsweredAt(wait >= 0 ? offered.plusSeconds(wait) : null);
		record.setEndedAt(wait >= 0 ? offered.plusSeconds(wait + talk) : offered.plusSeconds(wait == -1 ? 20 : -wait));
		record.setEndedBy("CUSTOMER");
		record.setEndReason(wait >= 0 ? "customer-hangup" : "abandoned");
		record.setCostFen(costFen);
		record.setTab(CallTab.of(direction, record.getAnsweredAt()).name());
		TenantContext.run(tenant, () -> records.insert(record));
	}

	@Test
	void voicemailsAreListedWithTheirTaskAndPlayThroughSignedAuditedLinks() throws Exception {
		String caller = uniqueCaller();
		long older = voicemail(caller, minutesAgo(30));
		long newer = voicemail(uniqueCaller(), minutesAgo(20));
		JsonNode lines = json(mvc.perform(get("/api/center/voicemails").session(supervisor).param("size", "200")).andExpect(status().isOk()))
			.get("lines");
		List<Long> ids = new ArrayList<>();
		lines.forEach(line -> ids.add(line.get("id").asLong()));
		assertThat(ids).contains(newer, older);
		assertThat(ids.indexOf(newer)).as("newest first").isLessThan(ids.indexOf(older));
		JsonNode line = json(mvc.perform(get("/api/center/voicemails/{id}", older).session(supervisor)).andExpect(status().isOk()));
		assertThat(line.get("customerNumber").asString()).isEqualTo(caller);
		assertThat(line.get("regionZh").asString()).isNotBlank();
		assertThat(line.get("situation").asString()).isEqualTo("all-busy");
		assertThat(line.get("durationMs").asInt()).isEqualTo(7000);
		assertThat(line.get("handled").asBoolean()).isFalse();
		assertThat(line.get("callback").get("status").asString()).as("the task its call opened").isEqualTo("OPEN");
		String callId = line.get("callId").asString();

		String url = json(mvc.perform(post("/api/center/voicemails/{id}/links", older).session(supervisor).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"use\":\"PLAY\"}")).andExpect(status().isOk())).get("url").asString();
		assertThat(mvc.perform(get(url).session(supervisor)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
			.isEqualTo(WAV);
		mvc.perform(get(url).session(supervisor).header("Range", "bytes=100-")).andExpect(status().isPartialContent());
		assertThat(json(mvc.perform(get("/api/center/voicemails/{id}", older).session(supervisor))).get("heardBy").asString())
			.isEqualTo("supervisor");
		assertThat(json(mvc.perform(get("/api/recordings/{id}/access", callId).session(supervisor))))
			.extracting(a -> a.get("action").asString() + ":" + a.get("username").asString())
			.as("one link, one playback; the seek is not another").containsExactly("VOICEMAIL_PLAY:supervisor", "VOICEMAIL_LINK_PLAY:supervisor");

		mvc.perform(get(url.replaceAll("sig=[0-9a-f]{4}", "sig=0000")).session(supervisor)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("recording.link-invalid"));
		String exp = url.replaceAll(".*exp=(\\d+).*", "$1");
		long tenant = demo().tenantId();
		long me = Long.parseLong(url.replaceAll(".*[?&]u=(\\d+).*", "$1"));
		mvc.perform(get("/api/center/voicemails/{id}/audio", older).session(supervisor).param("t", Long.toString(tenant)).param("u", Long.toString(me))
			.param("use", "PLAY").param("exp", exp).param("sig", sign(tenant + "\n" + callId + "\n" + me + "\nPLAY\n" + exp)))
			.andExpect(status().isForbidden()); // a recording link of its call does not open the voicemail
		mvc.perform(get(url).session(Sessions.tenantUser(mvc, DEMO, "admin", "admin123"))).andExpect(status().isForbidden()); // a colleague's link
		mvc.perform(get("/api/center/voicemails").session(Sessions.tenantUser(mvc, DEMO, "agent", "agent123"))).andExpect(status().isForbidden());

		OpenedTenant other = provisioning().openTenant("别家留言" + caller.substring(7));
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get("/api/center/voicemails/{id}", older).session(theirAdmin)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("voicemail.not-found"));
		mvc.perform(get(url).session(theirAdmin)).andExpect(status().isNotFound());
		mvc.perform(post("/api/center/voicemails/{id}/links", older).session(theirAdmin).with(csrf())).andExpect(status().isNotFound());
		assertThat(json(mvc.perform(get("/api/center/voicemails").session(theirAdmin))).get("lines")).isEmpty();
	}

	@Test
	void theAgentWhoOwnsAVoicemailsTaskHearsItThroughASignedAuditedLinkAndNobodyElseOfTheirRank() throws Exception {
		String caller = uniqueCaller();
		long message = voicemail(caller, minutesAgo(25));
		JsonNode line = json(mvc.perform(get("/api/center/voicemails/{id}", message).session(supervisor)).andExpect(status().isOk()));
		long task = line.get("callback").get("taskId").asLong();
		String callId = line.get("callId").asString();
		TenantContext.run(demo(), () -> jdbc.update("UPDATE callback_task SET owner_user_id = (SELECT id FROM app_user WHERE username = 'agent') "
				+ "WHERE id = ?", task));
		MockHttpSession agent = Sessions.tenantUser(mvc, DEMO, "agent", "agent123");

		JsonNode messages = json(mvc.perform(get("/api/callbacks/{id}/voicemails", task).session(agent)).andExpect(status().isOk()));
		assertThat(messages).singleElement().satisfies(m -> {
			assertThat(m.get("id").asLong()).isEqualTo(message);
			assertThat(m.get("durationMs").asInt()).isEqualTo(7000);
		});
		String url = json(mvc.perform(post("/api/callbacks/{id}/voicemails/{v}/links", task, message).session(agent).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"use\":\"PLAY\"}")).andExpect(status().isOk())).get("url").asString();
		assertThat(mvc.perform(get(url).session(agent)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
			.isEqualTo(WAV);
		assertThat(json(mvc.perform(get("/api/center/voicemails/{id}", message).session(supervisor))).get("heardBy").asString())
			.as("heard on the desk shows on the list").isEqualTo("agent");
		assertThat(json(mvc.perform(get("/api/recordings/{id}/access", callId).session(supervisor))))
			.extracting(a -> a.get("action").asString() + ":" + a.get("username").asString())
			.containsExactly("VOICEMAIL_PLAY:agent", "VOICEMAIL_LINK_PLAY:agent");

		MockHttpSession agent2 = Sessions.tenantUser(mvc, DEMO, "agent2", "agent123");
		mvc.perform(get("/api/callbacks/{id}/voicemails", task).session(agent2)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("callback.not-yours")).andExpect(jsonPath("$.messageEn").isNotEmpty());
		mvc.perform(post("/api/callbacks/{id}/voicemails/{v}/links", task, message).session(agent2).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get(url).session(agent2)).andExpect(status().isForbidden()); // the owner's link is theirs alone
		long elsewhere = voicemail(uniqueCaller(), minutesAgo(24));
		mvc.perform(post("/api/callbacks/{id}/voicemails/{v}/links", task, elsewhere).session(agent).with(csrf()))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("voicemail.not-found")); // another task's message
		mvc.perform(get(url.replace("/voicemails/" + message + "/", "/voicemails/" + elsewhere + "/")).session(agent))
			.andExpect(status().isForbidden()); // a link is for its own message

		TenantContext.run(demo(), () -> jdbc.update("UPDATE callback_task SET owner_user_id = (SELECT id FROM app_user WHERE username = 'agent2') "
				+ "WHERE id = ?", task));
		mvc.perform(get(url).session(agent)).andExpect(status().isForbidden()); // handed to a colleague: the old link no longer plays
		OpenedTenant other = provisioning().openTenant("别家任务留言" + caller.substring(7));
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		mvc.perform(get("/api/callbacks/{id}/voicemails", task).session(theirAdmin)).andExpect(status().isNotFound());
		mvc.perform(get(url).session(theirAdmin)).andExpect(status().isNotFound());
	}

	@Test
	void handlingAVoicemailClosesItsTaskOnceAndWhoeverComesSecondIsTold() throws Exception {
		String caller = uniqueCaller();
		long id = voicemail(caller, minutesAgo(25));
		JsonNode line = json(mvc.perform(get("/api/center/voicemails/{id}", id).session(supervisor)));
		expectBadRequest(post("/api/center/voicemails/{id}/handled", id).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"MAYBE\"}"), "callback.outcome.invalid");
		JsonNode handled = json(mvc.perform(post("/api/center/voicemails/{id}/handled", id).session(supervisor).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\",\"taskVersion\":" + line.get("callback").get("version").asInt() + "}"))
			.andExpect(status().isOk()));
		assertThat(handled.get("handled").asBoolean()).isTrue();
		assertThat(handled.get("handledBy").asString()).isEqualTo("supervisor");
		assertThat(handled.get("outcome").asString()).isEqualTo("RESOLVED");
		assertThat(handled.get("callback").get("status").asString()).as("its task closed with it").isEqualTo("DONE");
		assertThat(handled.get("callback").get("outcome").asString()).isEqualTo("RESOLVED");
		mvc.perform(post("/api/center/voicemails/{id}/handled", id).session(Sessions.tenantUser(mvc, DEMO, "admin", "admin123")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NO_NEED\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("voicemail.already-handled"))
			.andExpect(jsonPath("$.message").value("留言 " + id + " 已由 supervisor 处理。"))
			.andExpect(jsonPath("$.messageEn").value("Voicemail " + id + " was already handled by supervisor."));
		List<Long> open = new ArrayList<>();
		json(mvc.perform(get("/api/center/voicemails").session(supervisor).param("status", "OPEN").param("size", "200"))).get("lines")
			.forEach(l -> open.add(l.get("id").asLong()));
		assertThat(open).doesNotContain(id);
		expectBadRequest(get("/api/center/voicemails").param("status", "NEW"), "voicemail.status.invalid");

		// two supervisors at the same instant: one handles it, the other is told, the task closes once
		long raced = voicemail(uniqueCaller(), minutesAgo(24));
		MockHttpSession admin = Sessions.tenantUser(mvc, DEMO, "admin", "admin123");
		var two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
			List<java.util.concurrent.Future<Integer>> handles = new ArrayList<>();
			for (MockHttpSession who : List.of(supervisor, admin)) {
				handles.add(two.submit(() -> {
					together.await();
					return mvc.perform(post("/api/center/voicemails/{id}/handled", raced).session(who).with(csrf())
						.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"CALLED_BACK\"}")).andReturn().getResponse().getStatus();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (var handle : handles) {
				statuses.add(handle.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			two.shutdownNow();
		}
		long taskId = json(mvc.perform(get("/api/center/voicemails/{id}", raced).session(supervisor))).get("callback").get("taskId").asLong();
		assertThat(json(mvc.perform(get("/api/callbacks/{id}", taskId).session(supervisor))).get("attempts")).as("closed once").hasSize(1);
	}

	@Test
	void aVoicemailWhoseCallerWasCalledBackIsHandledByThatCall() throws Exception {
		String caller = uniqueCaller();
		long id = voicemail(caller, minutesAgo(40));
		closedCall("OUTBOUND", caller, MY_SEAT, minutesAgo(10), true);
		JsonNode line = json(mvc.perform(get("/api/center/voicemails/{id}", id).session(supervisor)));
		assertThat(line.get("handled").asBoolean()).isTrue();
		assertThat(line.get("handledBy").asString()).isEqualTo(MY_SEAT);
		assertThat(line.get("outcome").asString()).isEqualTo("CALLED_BACK");
		mvc.perform(post("/api/center/voicemails/{id}/handled", id).session(supervisor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"RESOLVED\"}")).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("voicemail.already-handled"));
	}

	@Autowired
	com.calldesk.users.UserAccounts users;

	@Autowired
	com.calldesk.seats.SeatSettings seatSettings;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/** A missed inbound call closed as CallRecords closes it: record and CallClosed in one transaction. */
	String missedCall(String caller, Instant offered) {
		return closedCall("INBOUND", caller, null, offered, false);
	}

	String closedCall(String direction, String caller, String seat, Instant offered, boolean answered) {
		return TenantContext.call(demo(), () -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
			String id = call(direction, caller, seat, offered, answered);
			CallRecord record = records.selectById(id);
			events.publishEvent(new com.calldesk.telephony.CallClosed(id, CallTab.valueOf(record.getTab()), caller, seat, offered,
					record.getEndedAt(), record.getEndReason()));
			return id;
		}));
	}

	/** A caller's voicemail as the call path files it: the missed call, its message on disk and its task, in one transaction. */
	long voicemail(String caller, Instant offered) throws Exception {
		TenantScope demo = demo();
		return TenantContext.call(demo, () -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
			String callId = call("INBOUND", caller, null, offered, false);
			jdbc.update("UPDATE call_record SET end_reason = 'voicemail', ended_by = 'SYSTEM' WHERE id = ?", callId);
			Path file = recordingsDir.resolve(DEMO).resolve(LocalDate.ofInstant(offered, MiddayInChina.CHINA).toString())
				.resolve(callId + "-voicemail.wav").toAbsolutePath();
			try {
				Files.createDirectories(file.getParent());
				Files.write(file, WAV);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			jdbc.update("INSERT INTO voicemail (call_id, customer_number, dialled_number, situation, ended_by, recorded_at, duration_ms, file) "
					+ "VALUES (?, ?, '4001234567', 'all-busy', 'hash', ?, 7000, ?)", callId, caller, java.sql.Timestamp.from(offered.plusSeconds(8)),
					file.toString());
			CallRecord record = records.selectById(callId);
			events.publishEvent(new com.calldesk.telephony.CallClosed(callId, CallTab.IN_MISSED, caller, null, offered, record.getEndedAt(),
					"voicemail"));
			return jdbc.queryForObject("SELECT id FROM voicemail WHERE call_id = ?", Long.class, callId);
		}));
	}

	/** The open task of this caller (E.164) in a list, or null. */
	static JsonNode taskOf(JsonNode tasks, String caller) {
		for (JsonNode task : tasks) {
			if (task.get("caller").asString().equals(caller)) {
				return task;
			}
		}
		return null;
	}

	/** A tiny stereo WAV: a 44-byte header and some samples. */
	static final byte[] WAV = wav();

	@Autowired
	com.calldesk.recording.RecordingRetention retention;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@org.springframework.beans.factory.annotation.Value("${calldesk.media.recordings-dir}")
	Path recordingsDir;

	/** An answered call with a recording on disk where the media relay puts them. */
	String recordedCall(String caller, String seat, Instant offered) throws Exception {
		String callId = call("INBOUND", caller, seat, offered, true);
		Path file = recordingsDir.resolve(DEMO).resolve(LocalDate.ofInstant(offered, MiddayInChina.CHINA).toString()).resolve(callId + ".wav");
		Files.createDirectories(file.getParent());
		Files.write(file, WAV);
		TenantContext.run(demo(), () -> jdbc.update("UPDATE call_record SET recording = ? WHERE id = ?", file.toString(), callId));
		files.put(callId, file);
		return callId;
	}

	/** Where {@link #recordedCall} put the call's recording (kept here: retention clears the record's path). */
	Path fileOf(String callId) {
		return files.get(callId);
	}

	private final java.util.Map<String, Path> files = new java.util.concurrent.ConcurrentHashMap<>();

	JsonNode link(MockHttpSession session, String callId, String use) throws Exception {
		return json(mvc.perform(post("/api/recordings/{id}/links", callId).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"use\":\"" + use + "\"}")).andExpect(status().isOk()));
	}

	static String sign(String granted) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(LINK_KEY), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(granted.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static byte[] wav() {
		byte[] bytes = new byte[44 + 4 * 800];
		System.arraycopy("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 4);
		for (int i = 44; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 7);
		}
		return bytes;
	}

	private static final java.util.concurrent.atomic.AtomicInteger CALLERS = new java.util.concurrent.atomic.AtomicInteger();

	/** A mobile number no other test (and no earlier run on a kept database) uses. */
	String uniqueCaller() {
		return "139" + String.format("%08d", (System.nanoTime() / 1000 + CALLERS.incrementAndGet()) % 100_000_000);
	}

	TenantScope demo() {
		return tenants.activeByCode(DEMO).orElseThrow();
	}

	Provisioning provisioning() throws Exception {
		return new Provisioning(mvc, Sessions.staff(mvc, "staff", staffPassword()));
	}

	Instant minutesAgo(int minutes) {
		return clock.instant().minusSeconds(60L * minutes);
	}

	/** An ended call as CallRecords closes it: waited 5 s, talked 60 s when answered. */
	String call(String direction, String customerNumber, String seat, Instant offered, boolean answered) {
		CallRecord record = record(direction, customerNumber, seat, offered);
		record.setState("ENDED");
		record.setRingingAt(offered.plusSeconds(1));
		record.setAnsweredAt(answered ? offered.plusSeconds(5) : null);
		record.setEndedAt(offered.plusSeconds(answered ? 65 : 20));
		record.setEndedBy("CUSTOMER");
		record.setEndReason(answered ? "customer-hangup" : "abandoned");
		CallTab tab = CallTab.of(direction, record.getAnsweredAt());
		record.setTab(tab == null ? null : tab.name());
		TenantContext.run(demo(), () -> records.insert(record));
		return record.getId();
	}

	void inProgress(String customerNumber, Instant offered) {
		CallRecord record = record("INBOUND", customerNumber, MY_SEAT, offered);
		record.setState("ANSWERED");
		record.setAnsweredAt(offered.plusSeconds(3));
		TenantContext.run(demo(), () -> records.insert(record));
	}

	private static CallRecord record(String direction, String customerNumber, String seat, Instant offered) {
		CallRecord record = new CallRecord();
		record.setId(UUID.randomUUID().toString());
		record.setDirection(direction);
		record.setCustomerNumber(customerNumber);
		record.setSeat(seat);
		record.setOfferedAt(offered);
		record.setNode("center-it");
		return record;
	}

	static CallLeg leg(String callId, String kind, String party, Instant started) {
		CallLeg leg = new CallLeg();
		leg.setCallId(callId);
		leg.setKind(kind);
		leg.setParty(party);
		leg.setStartedAt(started);
		leg.setAnsweredAt(started.plusSeconds(5));
		leg.setEndedAt(started.plusSeconds(65));
		return leg;
	}

	JsonNode list(String tab, String... filters) throws Exception {
		var request = get("/api/center/calls").session(supervisor).param("tab", tab);
		for (int i = 0; i < filters.length; i += 2) {
			request.param(filters[i], filters[i + 1]);
		}
		return json(mvc.perform(request).andExpect(status().isOk()));
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("lines").forEach(line -> ids.add(line.get("id").asString()));
		return ids;
	}

	void expectBadRequest(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String code) throws Exception {
		mvc.perform(request.session(supervisor)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.message").isNotEmpty()).andExpect(jsonPath("$.messageEn").isNotEmpty());
	}

	static JsonNode json(ResultActions result) throws Exception {
		return Provisioning.json(result);
	}
}
