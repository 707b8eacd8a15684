package com.calldesk.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.Strategy;
import com.calldesk.connector.Platform;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.support.Browser;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.users.UserAccounts;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A DingTalk tenant end to end, in Chromium with real calls (sipp as carrier and desk phone) and the
 * DingTalk servers stood in for locally: the administrator binds a seat to a person picked from the
 * DingTalk directory; a call to that seat sends the person a work notice with the caller and a link that
 * opens the desk signed in; when DingTalk is down the call rings all the same and the notice, shown as
 * retried to the administrator, goes out once DingTalk is back; when the person leaves the organisation
 * (a signed, encrypted push) they lose the seat and their session, a replay does nothing more and a
 * forged push is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:platform-notices;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38500", "calldesk.media.port-max=38599", "calldesk.platforms.notices.sweep=500ms",
		"calldesk.users.session-recheck=0s" })
@Import(QueueTenants.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformNoticesE2EIT {

	static final int HTTP_PORT = Peers.freePort();

	static final int SIP_PORT = Peers.freePort();

	static final Duration SOON = Duration.ofSeconds(20);

	static final PlatformStubs stubs = new PlatformStubs();

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		stubs.pointTheAppAtUs(registry, HTTP_PORT, SIP_PORT);
	}

	@RegisterExtension
	final Browser browser = new Browser("http://127.0.0.1:" + HTTP_PORT);

	@Autowired
	QueueTenants tenants;

	@Autowired
	TenantDirectory directory;

	@Autowired
	PlatformLinks links;

	@Autowired
	SeatSettings seats;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	Queue a;

	@BeforeAll
	void tenant() throws Exception {
		a = tenants.open(SIP_PORT, "通知租户", "021-55561101", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 30, 0, 3, 0, 120, 50));
		TenantContext.run(scope(), () -> links.save(Platform.DINGTALK, Map.of("corpId", PlatformStubs.DT_CORP, "appKey", PlatformStubs.DT_KEY,
				"appSecret", PlatformStubs.DT_SECRET, "agentId", "123456789", "callbackToken", DingTalkPushes.TOKEN, "callbackAesKey",
				DingTalkPushes.AES_KEY), 0, "test"));
	}

	@AfterAll
	void stop() {
		stubs.close();
	}

	@Test
	@Order(1)
	void theAdministratorBindsTheSeatToAPersonPickedFromTheDingTalkDirectory() {
		signInWithPassword();
		browser.open("/settings/platforms/dingtalk/directory?q=" + java.net.URLEncoder.encode("客服", StandardCharsets.UTF_8));
		// 张三 is in 客服部 only; 李四 (in the root department) does not match
		assertThat(browser.driver().findElements(By.cssSelector("#directory-table tr[data-person]"))).hasSize(1);
		assertThat(browser.text(By.cssSelector("tr[data-person=u001] .person-name"))).isEqualTo("张三");
		new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector("tr[data-person=u001] select[name=seatId]")))
			.selectByIndex(1);
		browser.submit(By.cssSelector("tr[data-person=u001] button.bind"));
		assertThat(browser.text(By.id("flash-done"))).isNotBlank();
		assertThat(browser.text(By.cssSelector("tr[data-person=u001] .bound-seat"))).isEqualTo("0001");
		browser.screenshot("platform-4-directory-bound");
		browser.open("/settings/seats");
		assertThat(browser.text(By.cssSelector("tr[data-seat='" + a.seats().get(0) + "'] .bound"))).contains("张三");
	}

	@Test
	@Order(2)
	void aCallToTheSeatSendsTheScreenPopWhoseLinkOpensTheDeskSignedIn() throws Exception {
		Process phone = Peers.sippAsync(SIP_PORT, "uas-answer-then-hang-up.xml", Map.of(), "-p", a.ports().get(0).toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155561101"))).as("customer").isZero();
		assertThat(Peers.finish(phone)).as("desk phone").isZero();
		LoggedRequest pop = awaitNotice("来电");
		var body = new tools.jackson.databind.json.JsonMapper().readTree(pop.getBodyAsString());
		assertThat(body.at("/agent_id").asString()).isEqualTo("123456789");
		assertThat(body.at("/userid_list").asString()).isEqualTo("u001");
		assertThat(body.at("/msg/action_card/title").asString()).isEqualTo("来电 139****3333");
		String link = body.at("/msg/action_card/single_url").asString();
		assertThat(link).startsWith("dingtalk://dingtalkclient/page/link?url=");
		String page = URLDecoder.decode(link.replaceAll(".*[?&]url=([^&]+).*", "$1"), StandardCharsets.UTF_8);
		assertThat(page).isEqualTo(browser.base() + "/signin/dingtalk/" + a.code() + "?next=%2Fdesk%2F");
		browser.forgetSession();
		browser.driver().get(page);
		new WebDriverWait(browser.driver(), SOON).until(ExpectedConditions.urlMatches("^http://[^/]+/desk/.*"));
		new WebDriverWait(browser.driver(), SOON).until(ExpectedConditions.textMatches(By.cssSelector(".who"), java.util.regex.Pattern.compile("张三.*0001")));
		browser.screenshot("platform-5-pop-link-desk");
	}

	@Test
	@Order(3)
	void whenDingTalkIsDownTheCallStillRingsAndTheNoticeIsRetriedVisiblyUntilItIsBack() throws Exception {
		stubs.server.resetRequests();
		stubs.server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")).inScenario("down")
			.whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("back"));
		stubs.server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")).inScenario("down")
			.whenScenarioStateIs("back").willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":2,\"request_id\":\"r\"}")));
		Process phone = Peers.sippAsync(SIP_PORT, "uas-answer-then-hang-up.xml", Map.of(), "-p", a.ports().get(0).toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155561101"))).as("customer").isZero();
		assertThat(Peers.finish(phone)).as("the desk phone rang and answered while DingTalk was down").isZero();
		Peers.await(SOON, "a retried notice", () -> count("status = 'PENDING' AND attempts = 1") == 1 || count("status = 'SENT' AND attempts = 2") == 1);
		signInWithPassword();
		if (count("status = 'PENDING' AND attempts = 1") == 1) {
			browser.open("/settings/platforms");
			assertThat(browser.text(By.cssSelector("#notice-trouble .notice-status"))).isEqualTo("重试中");
			assertThat(browser.text(By.cssSelector("#notice-trouble .notice-error"))).isNotBlank();
			browser.screenshot("platform-6-notice-retrying");
		}
		Peers.await(SOON, "the notice delivered on the second attempt", () -> count("status = 'SENT' AND attempts = 2") == 1);
		assertThat(stubs.server.findAll(postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")))).hasSize(2);
	}

	@Test
	@Order(4)
	void aMissedCallBecomesACallbackTaskWhoseOwnerGetsANoticeThatLinksToTheTask() throws Exception {
		stubs.server.resetRequests();
		Process phone = Peers.sippAsync(SIP_PORT, "uas-ring-until-cancel.xml", Map.of(), "-p", a.ports().get(0).toString());
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-cancel.xml", Map.of(), "-s", "02155561101"))).as("customer hangs up").isZero();
		assertThat(Peers.finish(phone)).as("desk phone").isZero();
		LoggedRequest task = awaitNotice("回拨任务 139****2222");
		var body = new tools.jackson.databind.json.JsonMapper().readTree(task.getBodyAsString());
		assertThat(body.at("/userid_list").asString()).isEqualTo("u001");
		String page = URLDecoder.decode(body.at("/msg/action_card/single_url").asString().replaceAll(".*[?&]url=([^&]+).*", "$1"),
				StandardCharsets.UTF_8);
		long taskId = jdbc.queryForObject("SELECT id FROM " + scope().schema().name() + ".callback_task WHERE caller LIKE '%13900002222'", Long.class);
		assertThat(URLDecoder.decode(page, StandardCharsets.UTF_8)).endsWith("?next=/desk/?task=" + taskId);
		assertThat(body.at("/msg/action_card/single_title").asString()).isEqualTo("回拨");
		// 回拨 in DingTalk: the desk opens signed in with that task standing out
		browser.forgetSession();
		browser.driver().get(page);
		browser.find(By.cssSelector("li.callback.linked[data-task='" + taskId + "']"));
		browser.screenshot("platform-8-task-link-desk");
	}

	@Test
	@Order(5)
	void aPersonWhoLeftTheOrganisationLosesTheSeatAndTheSessionAReplayDoesNothingMoreAndAForgeryIsRefused() throws Exception {
		browser.forgetSession();
		browser.open("/signin/dingtalk/" + a.code() + "?next=/desk/");
		new WebDriverWait(browser.driver(), SOON).until(ExpectedConditions.urlMatches("^http://[^/]+/desk/.*"));
		String event = "{\"EventType\":\"user_leave_org\",\"TimeStamp\":\"" + System.currentTimeMillis() + "\",\"UserId\":[\"u001\"],\"CorpId\":\""
				+ PlatformStubs.DT_CORP + "\"}";
		String encrypt = DingTalkPushes.encrypt(event, PlatformStubs.DT_KEY);
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = DingTalkPushes.sign(timestamp, "nonce1", encrypt);
		HttpResponse<String> forged = push(DingTalkPushes.sign(timestamp, "nonce2", encrypt), timestamp, "nonce1", encrypt);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(TenantContext.call(scope(), () -> seats.userAt(a.seats().get(0)))).as("a forgery changes nothing").isPresent();
		HttpResponse<String> taken = push(signature, timestamp, "nonce1", encrypt);
		assertThat(taken.statusCode()).isEqualTo(200);
		assertThat(taken.body()).contains("\"encrypt\"").contains("\"msg_signature\"");
		assertThat(TenantContext.call(scope(), () -> seats.userAt(a.seats().get(0)))).isEmpty();
		assertThat(TenantContext.call(scope(), () -> users.all().stream().filter(u -> "dingtalk:u001".equals(u.getExternalId())).findFirst()
			.orElseThrow().isEnabled())).isFalse();
		assertThat(push(signature, timestamp, "nonce1", encrypt).statusCode()).as("DingTalk's retry of the same push").isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + scope().schema().name() + ".platform_event", Integer.class)).isEqualTo(1);
		// the open desk's next request finds the session gone; signing in again inside DingTalk is refused
		browser.driver().navigate().refresh();
		new WebDriverWait(browser.driver(), SOON).until(ExpectedConditions.urlContains("/login"));
		browser.open("/signin/dingtalk/" + a.code() + "?next=/desk/");
		assertThat(browser.text(By.id("signin-error"))).contains("离职");
		browser.screenshot("platform-7-left");
	}

	private HttpResponse<String> push(String signature, String timestamp, String nonce, String encrypt) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base() + "/callbacks/dingtalk/" + a.code()
				+ "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"encrypt\":\"" + encrypt + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private LoggedRequest awaitNotice(String title) throws InterruptedException {
		List<LoggedRequest>[] found = new List[1];
		Peers.await(SOON, "a work notice titled " + title, () -> {
			found[0] = stubs.server.findAll(postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
				.withRequestBody(matchingJsonPath("$.msg.action_card.title", com.github.tomakehurst.wiremock.client.WireMock.containing(title))));
			return !found[0].isEmpty();
		});
		assertThat(found[0]).as("one pop per call and seat, whichever node heard the event").hasSize(1);
		return found[0].get(0);
	}

	private int count(String where) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + scope().schema().name() + ".platform_notice WHERE kind = 'SCREEN_POP' AND " + where,
				Integer.class);
	}

	private void signInWithPassword() {
		browser.forgetSession();
		browser.open("/login");
		browser.type(By.id("tenantCode"), a.code());
		browser.type(By.id("username"), a.adminUsername());
		browser.type(By.id("password"), a.adminPassword());
		browser.submit(By.id("login-submit"));
	}

	private TenantScope scope() {
		return directory.scopeOf(directory.require(a.tenantId()));
	}
}
