package com.calldesk.center;

import com.calldesk.support.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.support.Browser;
import com.calldesk.telephony.CallRecord;
import com.calldesk.telephony.CallRecords;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.UserAccounts;

/**
 * A scripted shift on one seat, with sipp as the carrier, the agent's phone and the customers' gateway,
 * then the call center page in Debian's headless Chromium: every count in the four tabs, today's
 * figures, the monitor wall and the service-level wallboard is the one the script implies, worked out
 * here from what it did (three answered calls, one caller giving up in the queue, one with no agent
 * free, one call out answered and one not) rather than read back from the server. Last, a recording
 * link of the shift plays in its tenant's session and is not found in another tenant's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:center-shift-e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38400", "calldesk.media.port-max=38599" })
@Import(QueueTenants.class)
class CallCenterShiftE2EIT {

	static final int SIP_PORT = Peers.freePort();

	static final Duration SOON = Duration.ofSeconds(20);

	static final String TRUNK = "02155560901";

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

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
	AgentDesk agents;

	@Autowired
	CallCommands commands;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	CallRecords records;


	@Test
	void theTabsTheFiguresTheWallAndTheWallboardAllCountTheShiftAsItWent() throws Exception {
		int gatewayPort = Peers.freePort();
		// wrap-up 0 s: the seat is free again the moment a call ends
		Queue q = tenants.open(SIP_PORT, "早班", "021-55560901", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 0, 120, 50, null),
				gatewayPort);
		String seat = q.seats().get(0);
		numbers.allocateDisplayNumber(q.tenantId(), new NumberAllocation.DisplayNumberForm("021-58886901", null, 3), "test");
		TenantContext.run(directory.activeByCode(q.code()).orElseThrow(), () -> seats.bind(seats.list().get(0).seatId(),
				users.byUsername(q.adminUsername()).orElseThrow().getId(), "test"));
		// the agent's phone answers every call of the shift (sipp takes the last -m and -timeout given)
		Process phone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(q.ports().get(0)), "-m", "50", "-timeout", "600s");
		Process longCall = null;
		Process gateway = null;
		try (Browser browser = new Browser("http://localhost:" + port)) {
			awaitFree(q, seat);

			// 1, 2: two callers the agent answers; each hangs up after a second
			for (int i = 0; i < 2; i++) {
				assertThat(Peers.sipp(SIP_PORT, "uac", "-s", TRUNK, "-d", "1000")).isZero();
				awaitFree(q, seat);
			}
			// 3: a third answered call, kept up while 4 gives up in the queue after 7 s (not a short abandon)
			longCall = Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", TRUNK, "-mp", Integer.toString(Peers.freePort()),
					"-timeout", "90s");
			Peers.await(SOON, "the third call to be answered", () -> agents.agent(q.tenantId(), seat)
				.map(a -> a.state() == AgentState.TALKING).orElse(false));
			String third = agents.agent(q.tenantId(), seat).orElseThrow().callId();
			assertThat(Peers.sipp(SIP_PORT, "uac", "-s", TRUNK, "-d", "7000")).as("answered by the queue, then hung up").isZero();
			commands.hangUp(q.tenantId(), third);
			assertThat(Peers.finish(longCall)).isZero();
			longCall = null;
			awaitFree(q, seat);

			// 5: the agent is busy: no agent free, the caller hears so and is hung up on
			agents.choose(q.tenantId(), seat, AgentStatus.BUSY);
			assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", TRUNK, "-mp",
					Integer.toString(Peers.freePort()), "-timeout", "90s"))).isZero();
			agents.choose(q.tenantId(), seat, AgentStatus.IDLE);

			// 6: a call out the customer answers; 7: one still ringing when the agent gives up
			signIn(browser, q);
			gateway = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(gatewayPort), "-m", "1");
			String out = dial(browser, "021-64381234");
			Peers.await(SOON, "the customer to answer", () -> answered(q, out));
			commands.hangUp(q.tenantId(), out);
			assertThat(Peers.finish(gateway)).isZero();
			awaitFree(q, seat);
			gateway = Peers.sippAsync(SIP_PORT, "gateway-busy.xml", Map.of(), "-p", Integer.toString(gatewayPort), "-m", "1");
			String unanswered = dial(browser, "021-64381235");
			assertThat(Peers.finish(gateway)).as("the customer was busy").isZero();
			gateway = null;
			Peers.await(SOON, "the refused call to end", () -> record(q, unanswered) != null && record(q, unanswered).getEndedAt() != null);
			awaitFree(q, seat);

			// what the script implies
			int inAnswered = 3;
			int inMissed = 2; // one abandoned in the queue, one with no agent free
			int offered = inAnswered + inMissed;
			int outAnswered = 1;
			int outMissed = 1;

			browser.open("/center");
			awaitAttribute(browser, By.id("center"), "data-loading", "false");
			awaitAttribute(browser, By.id("center-summary"), "data-ready", "true");
			assertThat(figure(browser, "inboundOffered")).isEqualTo(Integer.toString(offered));
			assertThat(figure(browser, "inboundAnswered")).isEqualTo(Integer.toString(inAnswered));
			assertThat(figure(browser, "inboundMissed")).isEqualTo(Integer.toString(inMissed));
			assertThat(figure(browser, "outboundPlaced")).isEqualTo(Integer.toString(outAnswered + outMissed));
			assertThat(figure(browser, "outboundAnswered")).isEqualTo(Integer.toString(outAnswered));
			assertThat(figure(browser, "answerRate")).isEqualTo(percent(inAnswered, offered));
			assertThat(figure(browser, "abandonRate")).isEqualTo(percent(inMissed, offered));
			for (Map.Entry<String, Integer> tab : Map.of("IN_ANSWERED", inAnswered, "IN_MISSED", inMissed, "OUT_ANSWERED", outAnswered,
					"OUT_MISSED", outMissed).entrySet()) {
				browser.find(By.id("tab-" + tab.getKey())).click();
				awaitAttribute(browser, By.id("center"), "data-tab", tab.getKey());
				awaitAttribute(browser, By.id("center"), "data-loading", "false");
				assertThat(browser.driver().findElements(By.cssSelector("#calls tbody tr.el-table__row"))).as(tab.getKey())
					.hasSize(tab.getValue());
			}
			browser.screenshot("center-8-shift-missed");

			// the wall: the seat took every call the queue offered it and the caller stayed for (the one who gave up
			// in the queue may be offered in the instant they hang up, as the third call ends: that offer is withdrawn)
			browser.find(By.id("section-wall")).click();
			awaitAttribute(browser, By.id("wall"), "data-count", "1");
			assertThat(browser.text(By.cssSelector("#wall-seats .w-in"))).isEqualTo(Integer.toString(inAnswered));
			assertThat(browser.text(By.cssSelector("#wall-seats .w-out"))).isEqualTo(Integer.toString(outAnswered + outMissed));
			assertThat(browser.text(By.cssSelector("#wall-seats .w-rate"))).isEqualTo("100.0%");
			assertThat(browser.find(By.cssSelector("#wall-seats .w-rate")).getDomAttribute("title")).contains(Integer.toString(inAnswered));

			// the wallboard: the same day, its formulas' parts
			browser.find(By.id("section-service-level")).click();
			awaitAttribute(browser, By.id("service-level"), "data-ready", "true");
			assertThat(browser.text(By.cssSelector("#service-level [data-figure=serviceLevel] .sl-formula")))
				.isEqualTo("answered within 20 s ÷ (offered − short abandons) = " + inAnswered + " ÷ " + offered);
			assertThat(browser.text(By.cssSelector("#service-level [data-figure=serviceLevel] b"))).isEqualTo(percent(inAnswered, offered));
			assertThat(browser.driver().findElements(By.cssSelector("#sl-hours .h-offered")).stream().mapToInt(cell -> Integer.parseInt(cell.getText()))
				.sum()).as("the hour table's offered calls add up to the day").isEqualTo(offered);
			browser.screenshot("center-9-shift-wallboard");

			// the third call's recording: its link plays in this tenant's session and in no other tenant's
			assertThat(record(q, third).getRecording()).as("the answered call was recorded").isNotNull();
			List<?> link = fetch(browser, "/api/recordings/" + third + "/links", "POST", "{\"use\":\"PLAY\"}");
			assertThat(link.get(0)).isEqualTo(200L);
			String url = com.jayway.jsonpath.JsonPath.read((String) link.get(1), "$.url");
			assertThat(fetch(browser, url, "GET", null)).as("played by its own tenant").first().isEqualTo(200L);
			Queue other = tenants.open(SIP_PORT, "晚班", "021-55560902", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 20, 0, 3, 0, 120, 50,
					null));
			browser.forgetSession();
			openDesk(browser, other);
			browser.find(By.id("no-seat"));
			List<?> elsewhere = fetch(browser, url, "GET", null);
			assertThat(elsewhere.get(0)).as("another tenant's supervisor opening the link").isEqualTo(404L);
			assertThat((String) elsewhere.get(2)).as("no audio").doesNotContain("audio");
		}
		finally {
			for (Process p : new Process[] { longCall, gateway, phone }) {
				if (p != null) {
					p.destroyForcibly();
				}
			}
		}
	}

	private void awaitFree(Queue q, String seat) throws InterruptedException {
		Peers.await(SOON, seat + " free, now " + agents.agent(q.tenantId(), seat), () -> agents.agent(q.tenantId(), seat)
			.map(a -> a.status() == AgentStatus.IDLE && a.state() == AgentState.WAITING).orElse(false));
	}

	private boolean answered(Queue q, String callId) {
		CallRecord record = record(q, callId);
		return record != null && record.getAnsweredAt() != null;
	}

	private CallRecord record(Queue q, String callId) {
		Written.queued(writes);
		return TenantContext.call(directory.activeByCode(q.code()).orElseThrow(), () -> records.find(callId));
	}

	private void signIn(Browser browser, Queue q) {
		openDesk(browser, q);
		awaitAttribute(browser, By.id("connection"), "data-state", "open");
	}

	/** Signs in as the tenant's administrator and opens the desk; with no seat bound it only says so. */
	private void openDesk(Browser browser, Queue q) {
		browser.open("/login");
		browser.type(By.id("tenantCode"), q.code());
		browser.type(By.id("username"), q.adminUsername());
		browser.type(By.id("password"), q.adminPassword());
		browser.submit(By.id("login-submit"));
		browser.open("/desk/");
	}

	/** Click-to-call from the signed-in desk's session, as its dial dialog sends it; the call's id. */
	private static String dial(Browser browser, String number) {
		List<?> reply = fetch(browser, "/api/calls", "POST", "{\"number\":\"" + number + "\"}");
		assertThat(reply.get(0)).as(String.valueOf(reply.get(1))).isEqualTo(202L);
		return com.jayway.jsonpath.JsonPath.read((String) reply.get(1), "$.callId");
	}

	/** A request from the page, in its session with its CSRF token: [status, body, content type]. */
	private static List<?> fetch(Browser browser, String url, String method, String json) {
		return (List<?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const [url, method, body, done] = arguments;
				fetch('/api/desk/me').then(r => r.json()).then(me => fetch(url, { method,
				  headers: body ? { 'Content-Type': 'application/json', [me.csrf.headerName]: me.csrf.token } : {}, body }))
				  .then(async r => done([r.status, await r.text(), r.headers.get('Content-Type') || '']));
				""", url, method, json);
	}

	private static String figure(Browser browser, String name) {
		return browser.text(By.cssSelector("#center-today [data-figure=" + name + "] b"));
	}

	private static String percent(int part, int whole) {
		return String.format("%.1f%%", 100.0 * part / whole);
	}

	private static void awaitAttribute(Browser browser, By by, String attribute, String value) {
		new WebDriverWait(browser.driver(), SOON).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> value.equals(d.findElement(by).getDomAttribute(attribute)));
	}
}
