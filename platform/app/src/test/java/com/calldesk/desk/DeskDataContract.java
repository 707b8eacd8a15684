package com.calldesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.calldesk.acd.AgentDesk;
import com.calldesk.calls.AgentStatus;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.state.ChannelCounter;
import com.calldesk.support.Provisioning;
import com.calldesk.support.Provisioning.OpenedTenant;
import com.calldesk.support.Sessions;
import com.calldesk.telephony.CallLeg;
import com.calldesk.telephony.CallLegMapper;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecordMapper;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.users.UserAccounts;

/**
 * The agent desktop's REST data on the whole application (run on the embedded H2 and on MariaDB +
 * Redis by the subclasses), signed in as the demo tenant's agent, with a second tenant whose calls
 * must stay invisible. Calls are seeded as call records (the telephony core's table) in the past
 * minutes. The application's clock runs from midday in China ({@link com.calldesk.support.MiddayInChina}), so "minutes
 * ago" is still today on the desk's calendar (China's) even when the suite runs just after midnight
 * there: a run at 16:03 UTC once found the seeded calls on yesterday's list.
 */
abstract class DeskDataContract {

	@Autowired
	Clock clock;

	static final String DEMO = "2001000";

	static final String MY_SEAT = "ss2001000ss0001";

	static final String OTHER_SEAT = "ss2001000ss0002";

	@Autowired
	MockMvc mvc;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	CallRecordMapper records;

	@Autowired
	CallLegMapper legs;

	@Autowired
	SeatSettings seats;

	@Autowired
	UserAccounts users;

	@Autowired
	AgentDesk agents;

	@Autowired
	ScreenPops pops;

	@Autowired
	ChannelCounter channels;

	@MockitoSpyBean
	CallLinks callLinks;

	abstract String staffPassword();

	@Test
	void meTellsTenantUserSeatAndACsrfTokenThatUnsafeCallsAccept() throws Exception {
		MockHttpSession agent = agent();
		JsonNode me = json(mvc.perform(get("/api/desk/me").session(agent)).andExpect(status().isOk())
			.andExpect(jsonPath("$.tenantCode").value(DEMO)).andExpect(jsonPath("$.tenantName").value("演示科技有限公司"))
			.andExpect(jsonPath("$.username").value("agent")).andExpect(jsonPath("$.displayName").value("张坐席"))
			.andExpect(jsonPath("$.roles[0]").value("AGENT")).andExpect(jsonPath("$.seat.sipUsername").value(MY_SEAT))
			.andExpect(jsonPath("$.seat.number").value("0001")).andExpect(jsonPath("$.csrf.headerName").value("X-CSRF-TOKEN")));
		String callId = call(demo(), "13700000001", MY_SEAT, minutesAgo(3), true);
		mvc.perform(put("/api/calls/{id}/note", callId).session(agent).header(me.get("csrf").get("headerName").asString(),
				me.get("csrf").get("token").asString()).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"token works\"}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/calls/{id}/note", callId).session(agent).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/desk/me").session(Sessions.tenantUser(mvc, DEMO, "supervisor", "super123")))
			.andExpect(jsonPath("$.seat").isEmpty()).andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"));
	}

	@Test
	void theDeskPageIsRevalidatedOnEveryLoadAndItsHashedChunksCachedForAYear() throws Exception {
		MockHttpSession agent = agent();
		String page = mvc.perform(get("/desk/index.html").session(agent)).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache")).andReturn().getResponse().getContentAsString();
		mvc.perform(get("/desk/statusbar.js").session(agent)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-cache"));
		java.util.regex.Matcher chunk = java.util.regex.Pattern.compile("/desk/assets/[^\"]+\\.js").matcher(page);
		assertThat(chunk.find()).as("the page loads a hashed chunk").isTrue();
		mvc.perform(get(chunk.group()).session(agent)).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, private, immutable"));
		mvc.perform(get("/desk/index.html")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aNoteIsUpsertedReadBackAndListedWithMyCallsOfToday() throws Exception {
		MockHttpSession agent = agent();
		String mine = call(demo(), "13700000002", MY_SEAT, minutesAgo(5), true);
		String yesterday = call(demo(), "13700000002", MY_SEAT, clock.instant().minusSeconds(2 * 86_400), true);
		String colleagues = call(demo(), "13700000003", OTHER_SEAT, minutesAgo(4), true);
		String handedOn = call(demo(), "13700000004", OTHER_SEAT, minutesAgo(2), true);
		TenantContext.run(demo(), () -> legs.insert(leg(handedOn, MY_SEAT, minutesAgo(2))));

		mvc.perform(get("/api/calls/{id}/note", mine).session(agent)).andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("")).andExpect(jsonPath("$.updatedAt").isEmpty());
		putNote(agent, mine, "客户反映空调不制冷").andExpect(status().isOk()).andExpect(jsonPath("$.updatedBy").value("agent"))
			.andExpect(jsonPath("$.updatedAt").isNotEmpty());
		putNote(agent, mine, "客户反映空调不制冷，已约明天上门").andExpect(status().isOk());
		mvc.perform(get("/api/calls/{id}/note", mine).session(agent)).andExpect(jsonPath("$.text").value("客户反映空调不制冷，已约明天上门"));
		putNote(agent, mine, "长".repeat(4001)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"))
			.andExpect(jsonPath("$.fields[0].field").value("text"));
		putNote(agent, mine, "长".repeat(4000)).andExpect(status().isOk());
		putNote(agent, mine, "约明天上门").andExpect(status().isOk());

		JsonNode calls = json(mvc.perform(get("/api/desk/calls").session(agent)).andExpect(status().isOk()));
		List<String> ids = new ArrayList<>();
		calls.forEach(c -> ids.add(c.get("callId").asString()));
		assertThat(ids).contains(mine, handedOn).doesNotContain(yesterday, colleagues);
		assertThat(ids.indexOf(handedOn)).isLessThan(ids.indexOf(mine));
		JsonNode line = calls.get(ids.indexOf(mine));
		assertThat(line.get("note").asString()).isEqualTo("约明天上门");
		assertThat(line.get("customer").get("regionZh").asString()).isNotBlank();
		assertThat(line.get("durationSeconds").asLong()).isEqualTo(60);
		mvc.perform(get("/api/desk/calls").session(Sessions.tenantUser(mvc, DEMO, "agent2", "agent123")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("agent.no-seat"));
	}

	@Test
	void anotherTenantsCallIsNotFoundInBothLanguages() throws Exception {
		OpenedTenant other = provisioning().openTenant("隔壁呼叫中心");
		TenantScope otherScope = tenants.scopeOf(tenants.require(other.id()));
		String theirs = call(otherScope, "13700000005", null, minutesAgo(1), true);
		MockHttpSession theirAdmin = Sessions.tenantUser(mvc, other.code(), "admin", other.adminPassword());
		putNote(theirAdmin, theirs, "他们的备注").andExpect(status().isOk());

		MockHttpSession agent = agent();
		for (ResultActions attempt : List.of(mvc.perform(get("/api/calls/{id}/note", theirs).session(agent)), putNote(agent, theirs, "越权"),
				mvc.perform(get("/api/calls/{id}/links", theirs).session(agent)), mvc.perform(get("/api/desk/pop/{id}", theirs).session(agent)),
				postJson(agent, "/api/calls/" + theirs + "/work-orders", Map.of("title", "越权", "customerId", 1)))) {
			attempt.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("call.not-found"))
				.andExpect(jsonPath("$.message").value("没有通话 " + theirs + "。"))
				.andExpect(jsonPath("$.messageEn").value("No call " + theirs + "."));
		}
		mvc.perform(get("/api/calls/{id}/note", theirs).session(theirAdmin)).andExpect(jsonPath("$.text").value("他们的备注"));
	}

	@Test
	void linkedRecordsAndNotesMakeTheCustomersServiceHistory() throws Exception {
		MockHttpSession agent = agent();
		long customer = id(postJson(agent, "/api/customers", Map.of("name", "历史客户")));
		long contact = contactId(postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "钱女士", "phones", List.of("13812340003"))));
		String lastWeek = call(demo(), "013812340003", OTHER_SEAT, clock.instant().minusSeconds(7 * 86_400), true);
		String today = call(demo(), "+8613812340003", MY_SEAT, minutesAgo(6), true);
		String fromElsewhere = call(demo(), "02162349999", MY_SEAT, minutesAgo(5), true);
		long event = id(postJson(agent, "/api/events", Map.of("customerId", customer, "contactId", contact, "title", "咨询保修")));
		long order = id(postJson(agent, "/api/work-orders", Map.of("customerId", customer, "title", "更换滤网")));

		postJson(agent, "/api/calls/" + today + "/links", Map.of("eventId", event)).andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].id").value(event)).andExpect(jsonPath("$.workOrders.length()").value(0));
		postJson(agent, "/api/calls/" + today + "/links", Map.of("eventId", event)).andExpect(jsonPath("$.events.length()").value(1));
		postJson(agent, "/api/calls/" + fromElsewhere + "/links", Map.of("workOrderId", order)).andExpect(status().isOk());
		postJson(agent, "/api/calls/" + today + "/links", Map.of("eventId", event, "workOrderId", order)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("call.link.target")).andExpect(jsonPath("$.message").value(containsString("二者只能选一")));
		postJson(agent, "/api/calls/" + today + "/links", Map.of("workOrderId", 999_999)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("work-order.not-found"));
		mvc.perform(get("/api/calls/{id}/links", today).session(agent)).andExpect(jsonPath("$.events[0].title").value("咨询保修"));
		putNote(agent, today, "已解释保修政策").andExpect(status().isOk());

		JsonNode history = json(mvc.perform(get("/api/customers/{id}/history", customer).session(agent)).andExpect(status().isOk()));
		assertThat(history.get("calls").findValuesAsString("callId")).containsExactly(fromElsewhere, today, lastWeek);
		assertThat(history.get("notes").get(0).get("text").asString()).isEqualTo("已解释保修政策");
		assertThat(history.get("events").get(0).get("id").asLong()).isEqualTo(event);
		assertThat(history.get("workOrders").get(0).get("title").asString()).isEqualTo("更换滤网");
		mvc.perform(get("/api/customers/{id}/history", 999_999).session(agent)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("customer.not-found"));
	}

	@Test
	void aWorkOrderIsCreatedAndLinkedInOneTransaction() throws Exception {
		MockHttpSession agent = agent();
		long customer = id(postJson(agent, "/api/customers", Map.of("name", "工单客户")));
		long contact = contactId(postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "孙先生", "phones", List.of("13812340004"))));
		String ok = call(demo(), "8613812340004", MY_SEAT, minutesAgo(3), true);
		String failing = call(demo(), "13812340004", MY_SEAT, minutesAgo(2), true);

		long order = id(postJson(agent, "/api/calls/" + ok + "/work-orders", Map.of("title", "上门维修", "priority", "HIGH"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.priority").value("HIGH")));
		mvc.perform(get("/api/work-orders/{id}", order).session(agent)).andExpect(jsonPath("$.customerId").value(customer))
			.andExpect(jsonPath("$.contactId").value(contact)).andExpect(jsonPath("$.createdBy").value("agent"));
		mvc.perform(get("/api/calls/{id}/links", ok).session(agent)).andExpect(jsonPath("$.workOrders[0].id").value(order));
		postJson(agent, "/api/calls/" + ok + "/events", Map.of("title", "投诉噪音")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"));
		mvc.perform(get("/api/calls/{id}/links", ok).session(agent)).andExpect(jsonPath("$.events[0].title").value("投诉噪音"));

		doThrow(new IllegalStateException("forced link failure")).when(callLinks).add(eq(failing), eq(LinkKind.WORK_ORDER), anyLong(), anyString());
		postJson(agent, "/api/calls/" + failing + "/work-orders", Map.of("title", "不该留下", "priority", "LOW"))
			.andExpect(status().isInternalServerError());
		mvc.perform(get("/api/work-orders").param("customerId", Long.toString(customer)).session(agent))
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[*].title").value(not(hasItem("不该留下"))));
		mvc.perform(get("/api/calls/{id}/links", failing).session(agent)).andExpect(jsonPath("$.workOrders.length()").value(0));

		String unknownCaller = call(demo(), "13799990000", MY_SEAT, minutesAgo(1), true);
		postJson(agent, "/api/calls/" + unknownCaller + "/work-orders", Map.of("title", "谁的？")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("desk.customer-required")).andExpect(jsonPath("$.messageEn").value(containsString("customer")));
		postJson(agent, "/api/calls/" + unknownCaller + "/work-orders", Map.of("title", "指定客户", "customerId", customer))
			.andExpect(status().isCreated());
	}

	@Test
	void aNewCallerSavedTwiceOrByConcurrentClicksIsOneContact() throws Exception {
		MockHttpSession agent = agent();
		JsonNode first = json(postJson(agent, "/api/desk/callers", Map.of("number", "139 0000 1111", "name", "新来电", "customerName", "新来电家"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.created").value(true)));
		postJson(agent, "/api/desk/callers", Map.of("number", "+86 139-0000-1111", "name", "又一次")).andExpect(jsonPath("$.created").value(false))
			.andExpect(jsonPath("$.contactId").value(first.get("contactId").asLong()))
			.andExpect(jsonPath("$.customerId").value(first.get("customerId").asLong()));
		mvc.perform(get("/api/customers/{id}", first.get("customerId").asLong()).session(agent)).andExpect(jsonPath("$.name").value("新来电家"));
		postJson(agent, "/api/desk/callers", Map.of("number", "12345", "name", "错号")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("phone.invalid"));

		int clicks = 4;
		ExecutorService threads = Executors.newFixedThreadPool(clicks);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<JsonNode>> saves = new ArrayList<>();
			for (int i = 0; i < clicks; i++) {
				MockHttpSession tab = agent(); // a session each: MockHttpSession is not made for threads
				saves.add(threads.submit(() -> {
					go.await();
					return json(postJson(tab, "/api/desk/callers", Map.of("number", "13900002222", "name", "双击先生")).andExpect(status().isOk()));
				}));
			}
			go.countDown();
			List<JsonNode> answers = new ArrayList<>();
			for (Future<JsonNode> save : saves) {
				answers.add(save.get(30, TimeUnit.SECONDS));
			}
			assertThat(answers).filteredOn(a -> a.get("created").asBoolean()).hasSize(1);
			assertThat(answers).extracting(a -> a.get("contactId").asLong()).containsOnly(answers.get(0).get("contactId").asLong());
			mvc.perform(get("/api/customers").param("q", "双击先生").session(agent)).andExpect(jsonPath("$.total").value(1));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void thePopShowsTheKnownCallersContactCallsAndOpenWorkOrdersOnAnyThread() throws Exception {
		MockHttpSession agent = agent();
		long customer = id(postJson(agent, "/api/customers", Map.of("name", "弹屏物业")));
		long contact = contactId(postJson(agent, "/api/contacts", Map.of("customerId", customer, "name", "周经理",
				"phones", List.of("13812340002", "021-6234 0002"))));
		String earlier = call(demo(), "13812340002", MY_SEAT, minutesAgo(30), true);
		String fromTheOffice = call(demo(), "02162340002", OTHER_SEAT, minutesAgo(20), false);
		String lastWeek = call(demo(), "13812340002", MY_SEAT, clock.instant().minusSeconds(7 * 86_400), true);
		long open = id(postJson(agent, "/api/work-orders", Map.of("customerId", customer, "title", "电梯异响")));
		long done = id(postJson(agent, "/api/work-orders", Map.of("customerId", customer, "title", "已取消的")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/work-orders/{id}/status", done)
			.session(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CANCELLED\"}")).andExpect(status().isOk());
		long event = id(postJson(agent, "/api/events", Map.of("customerId", customer, "title", "咨询物业费")));
		String ringing = ringing(demo(), "8613812340002", "4008001234", "+861062345678");

		JsonNode pop = json(mvc.perform(get("/api/desk/pop/{id}", ringing).session(agent)).andExpect(status().isOk()));
		assertThat(pop.get("callId").asString()).isEqualTo(ringing);
		assertThat(pop.get("caller").get("e164").asString()).isEqualTo("+8613812340002");
		assertThat(pop.get("caller").get("regionZh").asString()).isNotBlank();
		assertThat(pop.get("dialledNumber").asString()).isEqualTo("4008001234");
		assertThat(pop.get("dialledLabel").asString()).isNotBlank();
		assertThat(pop.get("matches")).hasSize(1);
		assertThat(pop.get("matches").get(0).get("contactId").asLong()).isEqualTo(contact);
		assertThat(pop.get("matches").get(0).get("contactName").asString()).isEqualTo("周经理");
		assertThat(pop.get("matches").get(0).get("customerName").asString()).isEqualTo("弹屏物业");
		assertThat(pop.get("callsToday").findValuesAsString("callId")).containsExactly(fromTheOffice, earlier).doesNotContain(lastWeek, ringing);
		assertThat(pop.get("openWorkOrders").findValuesAsString("title")).containsExactly("电梯异响");
		assertThat(pop.get("openWorkOrders").get(0).get("id").asLong()).isEqualTo(open);
		assertThat(pop.get("openEvents").get(0).get("id").asLong()).isEqualTo(event);

		// the live channel's path: a thread with no tenant bound, the tenant passed explicitly
		long demoId = demo().tenantId();
		AtomicReference<ScreenPop> offRequest = new AtomicReference<>();
		AtomicReference<Object> tenantAfter = new AtomicReference<>("unset");
		Thread sipThread = new Thread(() -> {
			offRequest.set(pops.pop(demoId, ringing, "8613812340002", "+861062345678", null));
			tenantAfter.set(TenantContext.current().orElse(null));
		});
		sipThread.start();
		sipThread.join(10_000);
		assertThat(offRequest.get().matches()).extracting(PopMatch::contactId).containsExactly(contact);
		assertThat(offRequest.get().openWorkOrders()).extracting(PopWorkOrder::id).containsExactly(open);
		assertThat(offRequest.get().dialledNumber()).isEqualTo("+861062345678");
		assertThat(tenantAfter.get()).isNull();
	}

	@Test
	void thePopOfAnUnknownCallerHasNoMatchButItsRegion() throws Exception {
		String ringing = ringing(demo(), "02158880000", "+861062345678", "+861062345678");
		mvc.perform(get("/api/desk/pop/{id}", ringing).session(agent())).andExpect(status().isOk())
			.andExpect(jsonPath("$.matches.length()").value(0)).andExpect(jsonPath("$.caller.regionZh").value(containsString("上海")))
			.andExpect(jsonPath("$.caller.regionEn").value(containsString("Shanghai"))).andExpect(jsonPath("$.caller.kind").value("LANDLINE"))
			.andExpect(jsonPath("$.openWorkOrders.length()").value(0));
		String anonymous = ringing(demo(), "anonymous", null, "+861062345678");
		mvc.perform(get("/api/desk/pop/{id}", anonymous).session(agent())).andExpect(status().isOk())
			.andExpect(jsonPath("$.caller").isEmpty()).andExpect(jsonPath("$.callerNumber").value("anonymous"))
			.andExpect(jsonPath("$.matches.length()").value(0));
	}

	@Test
	void theDisplayNumberIsTheOneClickToCallWouldChoose() throws Exception {
		long demoId = demo().tenantId();
		JsonNode beijing = json(provisioning().postJson("/api/admin/tenants/{id}/display-numbers", Map.of("number", "010-82345678"), demoId)
			.andExpect(status().isCreated()));
		MockHttpSession agent = agent();
		mvc.perform(get("/api/calls/display-numbers").param("for", "13910001000").session(agent)).andExpect(status().isOk())
			.andExpect(jsonPath("$.chosen.number").value("+861082345678")).andExpect(jsonPath("$.chosen.regionZh").value(containsString("北京")))
			.andExpect(jsonPath("$.options.length()").value(2)).andExpect(jsonPath("$.options[1].number").value("+862158889999"));
		mvc.perform(get("/api/calls/display-numbers").param("for", "021-61234567").session(agent))
			.andExpect(jsonPath("$.chosen.number").value("+862158889999")).andExpect(jsonPath("$.options[0].number").value("+862158889999"));

		String key = com.calldesk.sip.calls.OutboundRouting.DisplayNumberChoice.channelKeyOf(beijing.get("id").asLong());
		int lines = beijing.get("channelLimit").asInt();
		for (int i = 0; i < lines; i++) {
			assertThat(channels.tryAcquire(key, lines, "busy-" + i)).isTrue();
		}
		try {
			mvc.perform(get("/api/calls/display-numbers").param("for", "13910001000").session(agent))
				.andExpect(jsonPath("$.chosen.number").value("+862158889999")).andExpect(jsonPath("$.options[0].number").value("+861082345678"));
		}
		finally {
			for (int i = 0; i < lines; i++) {
				channels.release(key, "busy-" + i);
			}
		}
		mvc.perform(get("/api/calls/display-numbers").param("for", "12345").session(agent)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("phone.invalid"));
	}

	@Test
	void colleaguesLeaveMeOutAndShowWhoIsFree() throws Exception {
		TenantScope demo = demo();
		TenantContext.run(demo, () -> {
			long seat2 = seats.list().stream().filter(r -> r.sipUsername().equals(OTHER_SEAT)).findFirst().orElseThrow().seatId();
			if (seats.list().stream().noneMatch(r -> r.sipUsername().equals(OTHER_SEAT) && r.user() != null)) {
				seats.bind(seat2, users.byUsername("agent2").orElseThrow().getId(), "test");
			}
		});
		agents.choose(demo.tenantId(), OTHER_SEAT, AgentStatus.IDLE);
		MockHttpSession agent = agent();
		mvc.perform(get("/api/desk/colleagues").session(agent)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].seat").value(not(hasItem(MY_SEAT))))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].name").value("赵坐席"))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].seatNumber").value("0002"))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].status").value("IDLE"))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].state").value("WAITING"))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].free").value(true));
		agents.choose(demo.tenantId(), OTHER_SEAT, AgentStatus.BUSY);
		mvc.perform(get("/api/desk/colleagues").session(agent))
			.andExpect(jsonPath("$[?(@.seat == '" + OTHER_SEAT + "')].free").value(false));
		mvc.perform(get("/api/desk/colleagues").session(Sessions.tenantUser(mvc, DEMO, "agent2", "agent123")))
			.andExpect(jsonPath("$[*].seat").value(hasItem(MY_SEAT))).andExpect(jsonPath("$[*].seat").value(not(hasItem(OTHER_SEAT))));
	}

	// --- helpers

	MockHttpSession agent() throws Exception {
		return Sessions.tenantUser(mvc, DEMO, "agent", "agent123");
	}

	Provisioning provisioning() throws Exception {
		return new Provisioning(mvc, Sessions.staff(mvc, "staff", staffPassword()));
	}

	TenantScope demo() {
		return tenants.activeByCode(DEMO).orElseThrow();
	}

	Instant minutesAgo(int minutes) {
		return clock.instant().minusSeconds(60L * minutes);
	}

	/** An ended inbound call, answered for exactly 60 s when {@code answered}. */
	String call(TenantScope tenant, String customerNumber, String seat, Instant offered, boolean answered) {
		CallRecord record = record(customerNumber, seat, offered);
		record.setState("ENDED");
		record.setRingingAt(offered.plusSeconds(1));
		record.setAnsweredAt(answered ? offered.plusSeconds(5) : null);
		record.setEndedAt(offered.plusSeconds(answered ? 65 : 20));
		record.setEndedBy("CUSTOMER");
		TenantContext.run(tenant, () -> records.insert(record));
		return record.getId();
	}

	/** An inbound call ringing my seat now. */
	String ringing(TenantScope tenant, String customerNumber, String dialled, String trunk) {
		CallRecord record = record(customerNumber, MY_SEAT, clock.instant());
		record.setState("RINGING");
		record.setRingingAt(clock.instant());
		record.setDialledNumber(dialled);
		record.setTrunkNumber(trunk);
		TenantContext.run(tenant, () -> records.insert(record));
		return record.getId();
	}

	private CallRecord record(String customerNumber, String seat, Instant offered) {
		CallRecord record = new CallRecord();
		record.setId(UUID.randomUUID().toString());
		record.setDirection("INBOUND");
		record.setCustomerNumber(customerNumber);
		record.setSeat(seat);
		record.setOfferedAt(offered);
		record.setNode("desk-it");
		return record;
	}

	private static CallLeg leg(String callId, String seat, Instant started) {
		CallLeg leg = new CallLeg();
		leg.setCallId(callId);
		leg.setKind("AGENT");
		leg.setParty(seat);
		leg.setStartedAt(started);
		leg.setAnsweredAt(started.plusSeconds(2));
		leg.setEndedAt(started.plusSeconds(30));
		return leg;
	}

	ResultActions putNote(MockHttpSession session, String callId, String text) throws Exception {
		return mvc.perform(put("/api/calls/{id}/note", callId).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(Provisioning.write(Map.of("text", text))));
	}

	ResultActions postJson(MockHttpSession session, String url, Object body) throws Exception {
		return mvc.perform(post(url).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(Provisioning.write(body)));
	}

	static long id(ResultActions result) throws Exception {
		return json(result).get("id").asLong();
	}

	/** A contact comes back as a card: the contact and its numbers. */
	static long contactId(ResultActions result) throws Exception {
		return json(result).get("contact").get("id").asLong();
	}

	static JsonNode json(ResultActions result) throws Exception {
		return Provisioning.json(result);
	}
}
