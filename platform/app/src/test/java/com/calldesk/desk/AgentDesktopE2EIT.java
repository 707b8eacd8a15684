package com.calldesk.desk;

import com.calldesk.support.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.AgentDesk;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.calls.CallCommands;
import com.calldesk.calls.CallEvent;
import com.calldesk.crm.ContactBook;
import com.calldesk.crm.CustomerBook;
import com.calldesk.crm.ServiceRecords;
import com.calldesk.provisioning.resources.SeatAllocation.IssuedPassword;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.support.Browser;
import com.calldesk.support.CtiCapture;
import com.calldesk.support.CuttableProxy;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Tones;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecordMapper;
import com.calldesk.telephony.CallRecords;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.users.UserAccounts;

/**
 * The agent desktop in Debian's headless Chromium against the running application, with real calls:
 * sipp plays the carrier, baresip the agent's desk phone (answered from its own console, as an agent
 * lifts a handset), sipp the colleague's phone. Each test opens a tenant of its own. Screenshots of
 * every state land in target/e2e/ (desk-*.png), and of any failure too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:desk-e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38200", "calldesk.media.port-max=38399" })
@Import({ QueueTenants.class, CtiCapture.class })
class AgentDesktopE2EIT {

	static final int SIP_PORT = Peers.freePort();

	static final Duration SOON = Duration.ofSeconds(15);

	/** The customer of uac-hung-up-on.xml. */
	static final String CALLER = "13900003333";

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	QueueTenants tenants;

	@Autowired
	TenantDirectory directory;

	@Autowired
	SeatSettings seats;

	@Autowired
	UserAccounts users;

	@Autowired
	CallCommands commands;

	@Autowired
	AgentDesk agents;

	@Autowired
	Locations locations;

	@Autowired
	List<CallEvent> cti;

	@Autowired
	CustomerBook customers;

	@Autowired
	ContactBook contacts;

	@Autowired
	ServiceRecords serviceRecords;

	@Autowired
	CallRecordMapper records;

	@Autowired
	CallRecords callRecords;

	@Autowired
	CallNotes notes;

	@Autowired
	CallLinks links;

	@Test
	void thePopShowsWhileThePhoneRingsThenTheAgentAnswersOnThePhoneLinksAWorkOrderAndNotesTheCall() throws Exception {
		Queue a = queue("弹屏租户", "021-55560801");
		IssuedPassword seat = tenants.seatsWithPasswords(a.tenantId(), 1).get(0);
		Queue b = tenants.open(SIP_PORT, "隔壁租户", "021-55560802", 1, settings());
		long customer = TenantContext.call(scope(a), () -> customers.create(new CustomerBook.CustomerForm("弹屏物业", null, null)).getId());
		TenantContext.run(scope(a), () -> contacts.create(new ContactBook.ContactForm(customer, "周经理", null, null, null, List.of(CALLER))));
		TenantContext.run(scope(a), () -> serviceRecords.createWorkOrder(
				new ServiceRecords.WorkOrderForm(customer, null, null, "电梯异响", null, "HIGH", null), "test"));
		String earlier = earlierCallToday(a, seat.sipUsername());

		Browser desk = signedIn(browsers.first(base()), a, seat.sipUsername());
		Browser other = signedIn(browsers.second(base()), b, b.seats().get(0));
		int console = Peers.freePort();
		Process phone = Peers.baresipWithConsole(softphone(seat, "manual"), Tones.sine(1000, 30), console);
		Process carrier = null;
		try {
			awaitIdle(a, seat);
			carrier = customer(a);
			WebElement pop = desk.find(By.id("screen-pop"));
			String callId = pop.getDomAttribute("data-call-id");
			assertThat(desk.find(By.id("current-call")).getDomAttribute("data-phase")).as("the pop shows while the phone rings").isEqualTo("RINGING");
			assertThat(digits(desk.text(By.id("pop-caller")))).contains(CALLER);
			assertThat(desk.text(By.id("pop-region"))).as("the caller's region").isNotBlank().doesNotContain("未知");
			assertThat(desk.text(By.id("pop-contact"))).isEqualTo("周经理");
			assertThat(desk.text(By.id("pop-customer"))).isEqualTo("弹屏物业");
			assertThat(desk.driver().findElements(By.cssSelector("#pop-calls-today .pop-call"))).hasSize(1);
			assertThat(desk.find(By.cssSelector("#pop-calls-today .pop-call")).getDomAttribute("data-call-id")).isEqualTo(earlier);
			assertThat(desk.text(By.cssSelector("#pop-work-orders .pop-work-order"))).contains("电梯异响");
			desk.screenshot("desk-1-ringing-pop");

			Peers.console(console, "/accept");
			awaitAttribute(desk, By.id("current-call"), "data-phase", "ANSWERED");
			assertThat(desk.find(By.id("screen-pop")).getDomAttribute("data-call-id")).isEqualTo(callId);

			desk.find(By.id("new-work-order")).click();
			desk.type(By.id("wo-title"), "上门维修电梯");
			desk.type(By.id("wo-description"), "客户反映电梯异响，约明天上午上门");
			desk.find(By.id("wo-submit")).click();
			assertThat(desk.text(By.cssSelector("#links .linked-work-order"))).contains("上门维修电梯");
			desk.type(By.id("note"), "客户反映电梯异响，已派单");
			awaitAttribute(desk, By.id("note-saved"), "data-state", "saved");
			desk.screenshot("desk-2-answered-work-order-note");

			desk.find(By.id("btn-hangup")).click();
			assertThat(Peers.finish(carrier)).as("the customer got CallDesk's BYE").isZero();
			carrier = null;
			awaitAttribute(desk, By.id("status-current"), "data-state", "WRAP_UP");
			desk.screenshot("desk-3-wrap-up");

			TenantScope scope = scope(a);
			assertThat(TenantContext.call(scope, () -> notes.of(callId)).text()).isEqualTo("客户反映电梯异响，已派单");
			assertThat(TenantContext.call(scope, () -> links.of(callId)).workOrders()).extracting(w -> w.title()).containsExactly("上门维修电梯");
			assertThat(other.driver().findElements(By.id("screen-pop"))).as("tenant B's desk saw nothing of A's call").isEmpty();
			assertThat(other.driver().findElements(By.cssSelector("#call-list .call-row"))).isEmpty();
			assertThat(other.driver().getPageSource()).doesNotContain(callId).doesNotContain(CALLER);
			other.screenshot("desk-4-other-tenant-quiet");
		}
		finally {
			stop(carrier);
			stop(phone);
		}
	}

	@Test
	void holdResumeAndABlindTransferFromTheButtonsMoveTheRealCall() throws Exception {
		Queue a = queue("按钮转接", "021-55560803");
		List<IssuedPassword> issued = tenants.seatsWithPasswords(a.tenantId(), 2);
		IssuedPassword mine = issued.get(0);
		IssuedPassword colleague = issued.get(1);
		Browser desk = signedIn(browsers.first(base()), a, mine.sipUsername());
		int console = Peers.freePort();
		Process phone = Peers.baresipWithConsole(softphone(mine, "manual"), Tones.sine(1000, 30), console);
		Process carrier = null;
		Process colleaguesPhone = null;
		try {
			awaitIdle(a, mine);
			carrier = customer(a);
			awaitAttribute(desk, By.id("current-call"), "data-phase", "RINGING");
			Peers.console(console, "/accept");
			awaitAttribute(desk, By.id("current-call"), "data-phase", "ANSWERED");
			String callId = desk.find(By.id("current-call")).getDomAttribute("data-call-id");

			desk.find(By.id("btn-hold")).click();
			awaitAttribute(desk, By.id("current-call"), "data-held", "true");
			Peers.await(SOON, "CallHeld", () -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallHeld h && h.call().callId().equals(callId)));
			desk.screenshot("desk-5-held");
			desk.find(By.id("btn-hold")).click();
			awaitAttribute(desk, By.id("current-call"), "data-held", "false");
			Peers.await(SOON, "CallResumed", () -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallResumed r && r.call().callId().equals(callId)));

			// the colleague's phone comes online only now, so the ACD offered the customer to this desk's seat
			int colleaguePort = Peers.freePort();
			assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(colleaguePort), "-s", colleague.sipUsername(), "-au",
					colleague.sipUsername(), "-ap", colleague.password())).isZero();
			awaitIdle(a, colleague);
			colleaguesPhone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(colleaguePort), "-timeout", "90s");
			desk.find(By.id("btn-transfer")).click();
			desk.find(By.cssSelector("#colleague-picker .colleague[data-seat='" + colleague.sipUsername() + "'][data-free='true']")).click();
			desk.screenshot("desk-6-transfer-picker");
			desk.find(By.id("picker-confirm")).click();
			Peers.await(SOON, "the colleague to take the call",
					() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallTransferred t && t.call().callId().equals(callId)));
			awaitAttribute(desk, By.id("status-current"), "data-state", "WRAP_UP");
			assertThat(record(a, callId).getSeat()).isEqualTo(colleague.sipUsername());
			desk.screenshot("desk-7-transferred");

			commands.hangUp(a.tenantId(), callId);
			assertThat(Peers.finish(carrier)).isZero();
			carrier = null;
			assertThat(Peers.finish(colleaguesPhone)).as("the colleague talked to the customer until the end").isZero();
			colleaguesPhone = null;
			Peers.await(SOON, "the record to close", () -> record(a, callId).getEndedAt() != null);
			assertThat(TenantContext.call(scope(a), () -> callRecords.legsOf(callId))).extracting(l -> l.getParty())
				.containsExactly(CALLER, mine.sipUsername(), colleague.sipUsername());
		}
		finally {
			stop(carrier);
			stop(colleaguesPhone);
			stop(phone);
		}
	}

	@Test
	void aBusyAgentIsOfferedNothingWhileAnIdleColleagueTakesTheCallAndIsOfferedTheNextOnceIdleAgain() throws Exception {
		Queue a = queue("忙碌不分配", "021-55560804");
		List<IssuedPassword> issued = tenants.seatsWithPasswords(a.tenantId(), 2);
		IssuedPassword mine = issued.get(0);
		IssuedPassword colleague = issued.get(1);
		int colleaguePort = Peers.freePort();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(colleaguePort), "-s", colleague.sipUsername(), "-au",
				colleague.sipUsername(), "-ap", colleague.password())).isZero();
		Browser desk = signedIn(browsers.first(base()), a, mine.sipUsername());
		Process phone = Peers.baresipWithConsole(softphone(mine, "manual"), Tones.sine(1000, 30), Peers.freePort());
		Process colleaguesPhone = null;
		Process first = null;
		Process second = null;
		try {
			awaitIdle(a, mine);
			awaitAttribute(desk, By.id("phone-registered"), "data-registered", "true");
			desk.find(By.id("status-busy")).click();
			awaitAttribute(desk, By.id("status-current"), "data-status", "BUSY");

			colleaguesPhone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(colleaguePort), "-timeout", "90s");
			Peers.awaitBound(colleaguePort);
			awaitIdle(a, colleague);
			int before = cti.size();
			first = customer(a);
			Peers.await(SOON, "the idle colleague to answer", () -> cti.stream().skip(before).anyMatch(e -> e instanceof CallEvent.CallAnswered c
					&& c.call().tenantId() == a.tenantId() && colleague.sipUsername().equals(c.call().seat())));
			assertThat(cti.stream().skip(before).filter(e -> e instanceof CallEvent.CallRinging r && mine.sipUsername().equals(r.call().seat())))
				.as("nothing offered to the busy agent").isEmpty();
			assertThat(agents.agent(a.tenantId(), mine.sipUsername()).orElseThrow().callId()).isNull();
			assertThat(desk.driver().findElements(By.id("screen-pop"))).isEmpty();
			desk.screenshot("desk-8-busy-nothing-offered");

			desk.find(By.id("status-idle")).click();
			awaitAttribute(desk, By.id("status-current"), "data-status", "IDLE");
			second = ringingCustomer(a);
			WebElement pop = desk.find(By.id("screen-pop"));
			awaitAttribute(desk, By.id("current-call"), "data-phase", "RINGING");
			assertThat(digits(desk.text(By.id("pop-caller")))).contains(CALLER);
			commands.hangUp(a.tenantId(), pop.getDomAttribute("data-call-id"));
			assertThat(Peers.finish(second)).isZero();
			second = null;
			String firstCall = cti.stream().skip(before).filter(e -> e instanceof CallEvent.CallAnswered c && c.call().tenantId() == a.tenantId())
				.findFirst().orElseThrow().call().callId();
			commands.hangUp(a.tenantId(), firstCall);
			assertThat(Peers.finish(first)).isZero();
			first = null;
		}
		finally {
			stop(first);
			stop(second);
			stop(colleaguesPhone);
			stop(phone);
		}
	}

	@Test
	void aMissedCallBecomesACallbackTaskOnTheDeskAndIsHandledOnTheCallCenterPage() throws Exception {
		int gatewayPort = Peers.freePort();
		Queue a = queue("回拨任务", "021-55560806", gatewayPort);
		numbers.allocateDisplayNumber(a.tenantId(), new com.calldesk.provisioning.resources.NumberAllocation.DisplayNumberForm("021-58886606", null, 3),
				"test");
		IssuedPassword mine = tenants.seatsWithPasswords(a.tenantId(), 1).get(0);
		Browser browser = signedIn(browsers.first(base()), a, mine.sipUsername());
		awaitAttribute(browser, By.id("callbacks"), "data-count", "0");

		// no phone registered: nobody can take it, the caller hears the no-agent message and is hung up on
		assertThat(Peers.finish(customer(a))).isZero();
		String caller = "+86" + CALLER;
		awaitAttribute(browser, By.id("callbacks"), "data-count", "1");
		WebElement task = browser.find(By.cssSelector("#callbacks .callback"));
		assertThat(task.getDomAttribute("data-caller")).isEqualTo(caller);
		assertThat(task.findElement(By.className("cb-left")).getText()).as("the SLA of 120 min counting down").matches("剩余 (1:5\\d:\\d\\d|2:00:0\\d)");
		browser.screenshot("desk-11-callback-task");

		browser.open("/center");
		awaitAttribute(browser, By.id("center"), "data-loading", "false");
		awaitAttribute(browser, By.id("center-summary"), "data-ready", "true");
		// the tenant's only call today: one offered, none answered, one missed, nothing out
		assertThat(browser.text(By.cssSelector("[data-figure=inboundOffered] b"))).isEqualTo("1");
		assertThat(browser.text(By.cssSelector("[data-figure=inboundAnswered] b"))).isEqualTo("0");
		assertThat(browser.text(By.cssSelector("[data-figure=inboundMissed] b"))).isEqualTo("1");
		assertThat(browser.text(By.cssSelector("[data-figure=outboundPlaced] b"))).isEqualTo("0");
		assertThat(browser.text(By.cssSelector("[data-figure=answerRate] b"))).isEqualTo("0.0%");
		browser.find(By.id("tab-IN_MISSED")).click();
		awaitAttribute(browser, By.id("center"), "data-tab", "IN_MISSED");
		awaitAttribute(browser, By.cssSelector("#calls .c-callback"), "data-status", "OPEN");
		assertThat(digits(browser.text(By.cssSelector("#calls tbody td.c-number")))).endsWith(CALLER);
		assertThat(browser.text(By.cssSelector("#calls .c-reason"))).isEqualTo("无坐席在线");
		browser.screenshot("center-1-missed-with-task");
		new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("#calls .c-callback .cb-outcome"))).selectByValue("RESOLVED");
		browser.find(By.cssSelector("#calls .c-callback .cb-close")).click();
		awaitAttribute(browser, By.cssSelector("#calls .c-callback"), "data-status", "DONE");
		assertThat(browser.text(By.cssSelector("#calls .c-callback"))).contains("已解决").contains(a.adminUsername());
		browser.screenshot("center-2-task-handled");

		// the missed-calls list as it stands, to Excel: progress, then the file under its Chinese name
		browser.find(By.id("export-excel")).click();
		awaitAttribute(browser, By.id("export"), "data-state", "DONE");
		assertThat(browser.text(By.id("export-count"))).isEqualTo("已完成，共 1 条");
		WebElement download = browser.find(By.id("export-download"));
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(download.getText()).isEqualTo("下载 通话记录_未接来电_" + today + "-" + today + ".xlsx");
		browser.screenshot("center-3-export-done");
		Object fetched = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0]).then(async r => done([r.status, r.headers.get('Content-Disposition'),"
						+ " String.fromCharCode(...new Uint8Array(await r.arrayBuffer()).slice(0, 2))]));",
				download.getDomAttribute("href"));
		List<?> answer = (List<?>) fetched;
		assertThat(answer.get(0)).isEqualTo(200L);
		assertThat((String) answer.get(1)).startsWith("attachment;")
			.endsWith("filename*=UTF-8''%E9%80%9A%E8%AF%9D%E8%AE%B0%E5%BD%95_%E6%9C%AA%E6%8E%A5%E6%9D%A5%E7%94%B5_" + today + "-" + today + ".xlsx");
		assertThat(answer.get(2)).as("a zip: the xlsx container").isEqualTo("PK");
		browser.find(By.id("export-close")).click();

		browser.open("/desk/");
		awaitAttribute(browser, By.id("connection"), "data-state", "open");
		awaitAttribute(browser, By.id("callbacks"), "data-count", "0");

		// the same caller, missed again: a new task, which the supervisor calls back from the page (回拨): the
		// supervisor's own phone answers, then the customer does, and the answered call back closes the task
		assertThat(Peers.finish(customer(a))).isZero();
		awaitAttribute(browser, By.id("callbacks"), "data-count", "1");
		Process phone = Peers.baresipWithConsole(softphone(mine, "auto"), Tones.sine(1000, 30), Peers.freePort());
		Process gateway = null;
		try {
			gateway = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(gatewayPort), "-m", "1");
			awaitIdle(a, mine);
			browser.open("/center");
			awaitAttribute(browser, By.id("center"), "data-loading", "false");
			browser.find(By.id("tab-IN_MISSED")).click();
			awaitAttribute(browser, By.id("center"), "data-tab", "IN_MISSED");
			awaitAttribute(browser, By.cssSelector("#calls .c-callback"), "data-status", "OPEN");
			browser.find(By.cssSelector("#calls .c-callback .cb-dial")).click();
			awaitAttribute(browser, By.cssSelector("#calls .c-callback"), "data-dialling", "true");
			Peers.await(SOON, "the supervisor's phone to take the call back", () -> agents.agent(a.tenantId(), mine.sipUsername())
				.map(x -> x.callId() != null).orElse(false));
			String callBack = agents.agent(a.tenantId(), mine.sipUsername()).orElseThrow().callId();
			Peers.await(SOON, "the customer to answer", () -> record(a, callBack) != null && record(a, callBack).getAnsweredAt() != null);
			assertThat(record(a, callBack).getDirection()).isEqualTo("OUTBOUND");
			commands.hangUp(a.tenantId(), callBack);
			assertThat(Peers.finish(gateway)).isZero();
			gateway = null;
			awaitAttribute(browser, By.cssSelector("#calls .c-callback"), "data-status", "DONE");
			assertThat(browser.text(By.cssSelector("#calls .c-callback"))).contains("已回拨").contains(mine.sipUsername());
			// today's figures follow: two missed calls in, one call out, answered; the call back is in 呼出已接
			new WebDriverWait(browser.driver(), SOON).until(d -> browser.text(By.cssSelector("[data-figure=outboundAnswered] b")).equals("1"));
			assertThat(browser.text(By.cssSelector("[data-figure=outboundPlaced] b"))).isEqualTo("1");
			assertThat(browser.text(By.cssSelector("[data-figure=inboundMissed] b"))).isEqualTo("2");
			browser.screenshot("center-2b-called-back");
			browser.find(By.id("tab-OUT_ANSWERED")).click();
			awaitAttribute(browser, By.id("center"), "data-tab", "OUT_ANSWERED");
			awaitAttribute(browser, By.id("center"), "data-loading", "false");
			assertThat(browser.driver().findElements(By.cssSelector("#calls tbody tr"))).hasSize(1);
			assertThat(digits(browser.text(By.cssSelector("#calls tbody td.c-number")))).endsWith(CALLER);
		}
		finally {
			stop(gateway);
			stop(phone);
		}
	}

	@Autowired
	com.calldesk.acd.OverflowPlans overflowPlans;

	@Autowired
	com.calldesk.provisioning.resources.NumberAllocation numbers;

	@Autowired
	com.calldesk.telephony.PromptLibrary prompts;

	@Test
	void aVoicemailIsPlayedInItsRowAndHandledOnTheCallCenterPageClosingItsTask() throws Exception {
		Queue a = queue("留言列表", "021-55560807");
		IssuedPassword mine = tenants.seatsWithPasswords(a.tenantId(), 1).get(0);
		overflowPlans.save(a.tenantId(), new com.calldesk.acd.OverflowPlan(Map.of(com.calldesk.acd.OverflowPlan.Situation.NO_AGENT,
				new com.calldesk.acd.OverflowPlan.Rule(com.calldesk.acd.OverflowPlan.Action.VOICEMAIL, null)), Duration.ofSeconds(30)), "test");
		java.nio.file.Path greeting = prompts.tenantFile(a.code(), "voicemail-greeting");
		java.nio.file.Files.createDirectories(greeting.getParent());
		java.nio.file.Files.copy(Tones.sine(440, 1), greeting, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Browser browser = signedIn(browsers.first(base()), a, mine.sipUsername());

		// no phone registered: nobody online, the caller leaves a 7 s message and presses #
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-voicemail-pound.xml", Map.of("greeting_ms", "2000"), "-s", trunkOf(a), "-mp",
				Integer.toString(Peers.freePort()), "-m", "1"))).isZero();
		// the only agent owns the message's callback task: it is on their desk, and they hear the message there
		browser.open("/desk/");
		WebElement listen = browser.find(By.cssSelector("#callbacks .callback .cb-voicemail"));
		assertThat(listen.getText()).isEqualTo("听留言");
		listen.click();
		WebElement deskAudio = browser.find(By.cssSelector("#callbacks audio.cb-audio"));
		assertThat(deskAudio.getDomAttribute("src")).startsWith("/api/callbacks/").contains("/voicemails/").contains("&sig=");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), SOON).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("const a = document.querySelector('audio.cb-audio'); return a.readyState >= 1 ? a.duration : 0")).doubleValue() > 6);
		browser.screenshot("desk-9-callback-voicemail");

		browser.open("/center#voicemails");
		awaitAttribute(browser, By.id("center"), "data-section", "voicemails");
		awaitAttribute(browser, By.id("voicemails"), "data-count", "1");
		assertThat(browser.text(By.cssSelector("#voicemail-list .vm-situation"))).isEqualTo("无坐席在线");
		assertThat(browser.text(By.cssSelector("#voicemail-list .vm-heard"))).as("heard on the desk").isEqualTo(a.adminUsername() + " 已听");
		awaitAttribute(browser, By.cssSelector("#voicemail-list .vm-handle"), "data-task-status", "OPEN");

		browser.find(By.cssSelector("#voicemail-list .vm-play")).click();
		WebElement audio = browser.find(By.cssSelector("#voicemail-list audio.vm-audio"));
		assertThat(audio.getDomAttribute("src")).startsWith("/api/center/voicemails/").contains("&sig=");
		// the page's own audio element plays it: its length is the message's, read by the browser from the WAV
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), SOON).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("const a = document.querySelector('audio.vm-audio'); return a.readyState >= 1 ? a.duration : 0")).doubleValue() > 6);
		awaitAttribute(browser, By.cssSelector("#voicemail-list .vm-listen"), "data-heard-by", a.adminUsername());
		browser.screenshot("center-4-voicemail-played");

		new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("#voicemail-list .vm-outcome"))).selectByValue("NO_NEED");
		browser.find(By.cssSelector("#voicemail-list .vm-close")).click();
		awaitAttribute(browser, By.cssSelector("#voicemail-list .vm-handle"), "data-handled", "true");
		assertThat(browser.text(By.cssSelector("#voicemail-list .vm-handle"))).contains("无需回拨").contains(a.adminUsername());
		awaitAttribute(browser, By.cssSelector("#voicemail-list .vm-handle"), "data-task-status", "DONE");
		browser.screenshot("center-5-voicemail-handled");
		browser.find(By.id("vm-open-only")).click();
		awaitAttribute(browser, By.id("voicemails"), "data-count", "0");

		// the monitor wall: the seat with its account and no phone; the supervisor rests the agent, the desk follows
		browser.find(By.id("section-wall")).click();
		awaitAttribute(browser, By.id("wall"), "data-count", "1");
		assertThat(browser.text(By.cssSelector("#wall-seats .w-seat"))).isEqualTo(String.format("%04d", 1));
		assertThat(browser.find(By.cssSelector("#wall-seats .w-phone")).isDisplayed()).isTrue();
		new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("#wall-seats .w-choice"))).selectByValue("REST:meeting");
		browser.find(By.cssSelector("#wall-seats .w-apply")).click();
		awaitAttribute(browser, By.cssSelector("#wall-seats .w-status"), "data-status", "REST");
		assertThat(browser.text(By.cssSelector("#wall-seats .w-status"))).isEqualTo("小休（会议）");
		assertThat(browser.text(By.cssSelector("#wall-counts [data-group=REST] b"))).isEqualTo("1");
		assertThat(browser.text(By.cssSelector("#wall-counts [data-group=IDLE] b"))).isEqualTo("0");
		browser.screenshot("center-6-monitor-wall");
		browser.find(By.cssSelector("#wall-counts [data-group=IDLE]")).click();
		awaitAttribute(browser, By.id("wall"), "data-count", "0");
		browser.find(By.cssSelector("#wall-counts [data-group=ALL]")).click();
		awaitAttribute(browser, By.id("wall"), "data-count", "1");
		// a change made elsewhere (the agent's own desk, the ACD) reaches the open wall over its live feed, well
		// before its 30 s read could bring it
		awaitAttribute(browser, By.id("wall"), "data-live", "open");
		agents.choose(a.tenantId(), mine.sipUsername(), com.calldesk.calls.AgentStatus.REST, "training");
		awaitAttribute(browser, By.cssSelector("#wall-seats .w-status"), "data-status", "REST");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> browser.text(By.cssSelector("#wall-seats .w-status")).equals("小休（培训）"));
		agents.choose(a.tenantId(), mine.sipUsername(), com.calldesk.calls.AgentStatus.REST, "meeting");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> browser.text(By.cssSelector("#wall-seats .w-status")).equals("小休（会议）"));

		// the wallboard: the day's one call, missed; then the administrator makes the service level 30 s, and the board says so
		browser.find(By.id("section-service-level")).click();
		awaitAttribute(browser, By.id("service-level"), "data-ready", "true");
		assertThat(browser.text(By.cssSelector("#service-level [data-figure=serviceLevel] b"))).isEqualTo("0.0%");
		assertThat(browser.text(By.cssSelector("#service-level [data-figure=serviceLevel] .sl-formula"))).isEqualTo("answered within 20 s ÷ (offered − short abandons) = 0 ÷ 1");
		assertThat(browser.text(By.id("sl-queue"))).startsWith("排队 0 通");
		assertThat(browser.driver().findElements(By.cssSelector("#sl-volume canvas, #sl-rates canvas"))).as("both charts drawn").hasSize(2);
		browser.screenshot("center-7-service-level");
		browser.find(By.id("section-settings")).click();
		awaitAttribute(browser, By.id("center-settings"), "data-ready", "true");
		browser.type(By.id("set-sl"), "30");
		browser.find(By.id("settings-save")).click();
		assertThat(browser.text(By.id("settings-updated"))).isEqualTo("最近由 " + a.adminUsername() + " 修改");
		browser.find(By.id("section-service-level")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), SOON)
			.until(d -> browser.text(By.cssSelector("#service-level [data-figure=serviceLevel] span")).equals("服务水平（30 秒内接听）"));

		browser.open("/desk/");
		awaitAttribute(browser, By.id("status-current"), "data-status", "REST");
	}

	@Test
	void theNetworkCutWhileACallRingsThePopStillShowsOnceTheDeskReconnects() throws Exception {
		Queue a = queue("断网重连", "021-55560805");
		IssuedPassword seat = tenants.seatsWithPasswords(a.tenantId(), 1).get(0);
		try (CuttableProxy network = new CuttableProxy(port)) {
			// 127.0.0.1, not localhost: a host of its own, so the cookie is this test's alone
			Browser desk = signedIn(browsers.second("http://127.0.0.1:" + network.port()), a, seat.sipUsername());
			Process phone = Peers.baresipWithConsole(softphone(seat, "manual"), Tones.sine(1000, 30), Peers.freePort());
			Process carrier = null;
			try {
				awaitIdle(a, seat);
				network.cut();
				awaitAttribute(desk, By.id("connection"), "data-state", "reconnecting");
				carrier = ringingCustomer(a);
				Peers.await(SOON, "the seat to ring", () -> agents.agent(a.tenantId(), seat.sipUsername()).map(x -> x.callId() != null).orElse(false));
				String callId = agents.agent(a.tenantId(), seat.sipUsername()).orElseThrow().callId();
				assertThat(desk.driver().findElements(By.id("screen-pop"))).as("nothing can reach the page while cut").isEmpty();
				desk.screenshot("desk-9-reconnecting");

				network.restore();
				awaitAttribute(desk, By.id("connection"), "data-state", "open", Duration.ofSeconds(40));
				assertThat(desk.find(By.id("screen-pop")).getDomAttribute("data-call-id")).isEqualTo(callId);
				assertThat(desk.find(By.id("current-call")).getDomAttribute("data-phase")).isEqualTo("RINGING");
				assertThat(digits(desk.text(By.id("pop-caller")))).contains(CALLER);
				desk.screenshot("desk-10-reconnected-pop");
				commands.hangUp(a.tenantId(), callId);
				assertThat(Peers.finish(carrier)).isZero();
				carrier = null;
			}
			finally {
				stop(carrier);
				stop(phone);
			}
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static AcdSettings settings() {
		// ring 60 s (nothing times out while the browser looks), no wrap-up wait after the tests' calls
		return new AcdSettings(Strategy.LONGEST_IDLE, false, 60, 30, 3, 0, 120, 50);
	}

	/** A tenant with its trunk number and local gateway, no seats yet (the test issues them for its phones). */
	private Queue queue(String name, String trunk) throws Exception {
		return queue(name, trunk, 5060);
	}

	/** As {@link #queue(String, String)}, its gateway (the customers called out to) listening on {@code gatewayPort}. */
	private Queue queue(String name, String trunk, int gatewayPort) throws Exception {
		Queue queue = tenants.open(SIP_PORT, name, trunk, 0, settings(), gatewayPort);
		trunks.put(queue.tenantId(), trunk.replace("-", ""));
		return queue;
	}

	/** The carrier's call to the tenant's trunk number from {@link #CALLER}, kept up until CallDesk hangs up. */
	private Process customer(Queue queue) throws Exception {
		return Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", trunkOf(queue), "-mp", Integer.toString(Peers.freePort()),
				"-timeout", "90s");
	}

	/** The carrier's call from {@link #CALLER} that is hung up while it rings: it expects CallDesk's 480. */
	private Process ringingCustomer(Queue queue) throws Exception {
		return Peers.sippAsync(SIP_PORT, "uac-waits-until-refused.xml", Map.of("caller", CALLER), "-s", trunkOf(queue), "-mp",
				Integer.toString(Peers.freePort()), "-timeout", "90s");
	}

	private final Map<Long, String> trunks = new java.util.concurrent.ConcurrentHashMap<>();

	private String trunkOf(Queue queue) {
		return trunks.get(queue.tenantId());
	}

	/** Binds the tenant's administrator to {@code seat}, signs in in {@code browser} and opens the desk, live. */
	private Browser signedIn(Browser browser, Queue queue, String seat) {
		TenantContext.run(scope(queue), () -> {
			long adminId = users.byUsername(queue.adminUsername()).orElseThrow().getId();
			long seatId = seats.list().stream().filter(r -> r.sipUsername().equals(seat)).findFirst().orElseThrow().seatId();
			seats.bind(seatId, adminId, "test");
		});
		browser.forgetSession();
		browser.open("/login");
		browser.type(By.id("tenantCode"), queue.code());
		browser.type(By.id("username"), queue.adminUsername());
		browser.type(By.id("password"), queue.adminPassword());
		browser.submit(By.id("login-submit"));
		browser.open("/desk/");
		awaitAttribute(browser, By.id("connection"), "data-state", "open");
		return browser;
	}

	private void awaitRegistered(IssuedPassword seat) throws InterruptedException {
		Peers.await(SOON, "baresip to register " + seat.sipUsername(), () -> !locations.of(seat.sipUsername()).isEmpty());
	}

	/** The seat's phone registered and its agent available and waiting, so the ACD may offer it the next call. */
	private void awaitIdle(Queue queue, IssuedPassword seat) throws InterruptedException {
		awaitRegistered(seat);
		Peers.await(SOON, seat.sipUsername() + " to be idle, now " + agents.agent(queue.tenantId(), seat.sipUsername()),
				() -> agents.agent(queue.tenantId(), seat.sipUsername()).map(x -> x.status() == AgentStatus.IDLE && x.state() == AgentState.WAITING)
					.orElse(false));
	}

	private static String digits(String text) {
		return text.replaceAll("\\D", "");
	}

	private String softphone(IssuedPassword seat, String answermode) {
		return "<sip:" + seat.sipUsername() + "@127.0.0.1:" + SIP_PORT + ">;auth_pass=" + seat.password() + ";answermode=" + answermode
				+ ";audio_codecs=PCMU;regint=300";
	}

	/** An answered call from {@link #CALLER} to {@code seat} earlier today (never before midnight in China). */
	private String earlierCallToday(Queue queue, String seat) {
		Instant now = Instant.now();
		Instant midnight = java.time.LocalDate.now(Today.CHINA).atStartOfDay(Today.CHINA).toInstant();
		Instant offered = now.minusSeconds(120).isBefore(midnight) ? midnight : now.minusSeconds(120);
		CallRecord record = new CallRecord();
		record.setId(UUID.randomUUID().toString());
		record.setDirection("INBOUND");
		record.setCustomerNumber(CALLER);
		record.setSeat(seat);
		record.setOfferedAt(offered);
		record.setRingingAt(offered);
		record.setAnsweredAt(offered);
		record.setEndedAt(offered);
		record.setEndedBy("CUSTOMER");
		record.setState("ENDED");
		record.setNode("desk-e2e");
		TenantContext.run(scope(queue), () -> records.insert(record));
		return record.getId();
	}

	private CallRecord record(Queue queue, String callId) {
		Written.queued(writes);
		return TenantContext.call(scope(queue), () -> records.selectById(callId));
	}

	private TenantScope scope(Queue queue) {
		return directory.activeByCode(queue.code()).orElseThrow();
	}

	private static void awaitAttribute(Browser browser, By by, String attribute, String value) {
		awaitAttribute(browser, by, attribute, value, SOON);
	}

	private static void awaitAttribute(Browser browser, By by, String attribute, String value, Duration limit) {
		new WebDriverWait(browser.driver(), limit).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.withMessage(() -> by + " to have " + attribute + "=" + value)
			.until(d -> value.equals(d.findElement(by).getDomAttribute(attribute)));
	}

	private static void stop(Process process) throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@AfterAll
	static void closeBrowsers() {
		browsers.close();
	}

	/** Two browsers for the class (an agent of tenant A, and tenant B's or a second network path); failures leave screenshots. */
	static final class Browsers implements TestWatcher {

		private Browser first;

		private Browser second;

		Browser first(String base) {
			if (first == null) {
				first = new Browser(base);
			}
			return first;
		}

		/** The second browser, on {@code base}: opened anew when a test needs another base. */
		Browser second(String base) {
			if (second != null && !second.base().equals(base)) {
				second.close();
				second = null;
			}
			if (second == null) {
				second = new Browser(base);
			}
			return second;
		}

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (first != null) {
				first.testFailed(context, cause);
			}
			if (second != null) {
				second.screenshot("FAILED-second-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "_"));
			}
		}

		void close() {
			if (first != null) {
				first.close();
			}
			if (second != null) {
				second.close();
			}
		}
	}
}
