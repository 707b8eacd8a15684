package com.calldesk.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import com.calldesk.support.Browser;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.users.AppUser;
import com.calldesk.users.UserAccounts;

/**
 * Signing in from DingTalk, WeCom and Feishu in Debian's headless Chromium, each platform's servers and
 * in-client JS API stood in for by a local server speaking their documented shapes, through the real
 * SDKs: the administrator connects the platform from its page (a wrong secret refused in both
 * languages), people sign in inside the client or by the web login and land on the desk as agents,
 * someone of another organisation is refused, and a tenant that did not connect the platform has no
 * such sign-in. Screenshots land in target/e2e/platform-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:platform-signin;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=38400", "calldesk.media.port-max=38499" })
@Import(QueueTenants.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformSignInE2EIT {

	static final int HTTP_PORT = Peers.freePort();

	static final int SIP_PORT = Peers.freePort();

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
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	Queue a;

	Queue b;

	@BeforeAll
	void tenants() throws Exception {
		AcdSettings acd = new AcdSettings(Strategy.LONGEST_IDLE, false, 30, 0, 3, 0, 120, 50);
		a = tenants.open(SIP_PORT, "钉钉租户", "021-55561001", 0, acd);
		b = tenants.open(SIP_PORT, "没有对接的租户", "021-55561002", 0, acd);
		TenantContext.run(scope(a), () -> {
			links.save(Platform.WECOM, Map.of("corpId", PlatformStubs.WC_CORP, "agentId", "1000002", "secret", PlatformStubs.WC_SECRET), 0, "test");
			links.save(Platform.FEISHU, Map.of("appId", PlatformStubs.FS_APP, "appSecret", PlatformStubs.FS_SECRET), 0, "test");
		});
	}

	@AfterAll
	void stop() {
		stubs.close();
	}

	@Test
	void theAdministratorConnectsDingTalkFromItsPageAndAWrongSecretIsRefusedInBothLanguages() {
		signInWithPassword(a);
		browser.open("/settings/platforms");
		fillDingTalk("wrong-secret");
		assertThat(browser.text(By.id("flash-error"))).contains("钉钉").contains("拒绝了这些凭据").contains("40089");
		browser.open("/settings/platforms?lang=en");
		fillDingTalk("wrong-secret");
		assertThat(browser.text(By.id("flash-error"))).contains("refused these credentials").contains("40089");
		browser.open("/settings/platforms?lang=zh_CN");
		fillDingTalk(PlatformStubs.DT_SECRET);
		assertThat(browser.text(By.id("flash-done"))).isNotBlank();
		assertThat(browser.text(By.cssSelector("#platform-dingtalk .status"))).isEqualTo("已启用");
		assertThat(browser.text(By.cssSelector("#platform-dingtalk .home-url"))).isEqualTo(browser.base() + "/signin/dingtalk/" + a.code());
		browser.screenshot("platform-1-settings");
		// the secret is in the tenant's row only as ciphertext, and the page never shows it back
		String stored = jdbc.queryForObject("SELECT secrets FROM " + scope(a).schema().name() + ".platform_link WHERE platform = 'DINGTALK'",
				String.class);
		assertThat(stored).doesNotContain(PlatformStubs.DT_SECRET);
		assertThat(browser.driver().getPageSource()).doesNotContain(PlatformStubs.DT_SECRET);
		browser.forgetSession();
	}

	@Test
	void anAgentOpensTheAppInsideDingTalkAndLandsOnTheDeskSignedInAsTheSamePersonEachTime() {
		connectDingTalk();
		browser.forgetSession();
		browser.open("/signin/dingtalk/" + a.code() + "?next=/desk/");
		awaitDesk("张三");
		browser.screenshot("platform-2-dingtalk-desk");
		browser.forgetSession();
		browser.open("/signin/dingtalk/" + a.code() + "?next=/desk/");
		awaitDesk("张三");
		AppUser zhang = only(a, "dingtalk:u001");
		assertThat(zhang.getRole()).isEqualTo("AGENT");
		assertThat(zhang.getMobile()).isEqualTo("+8613800000001");
		browser.forgetSession();
	}

	@Test
	void outsideTheClientThePageOffersTheQrLoginWhichSignsInAMemberAndRefusesSomeoneOfAnotherOrganisation() {
		connectDingTalk();
		browser.forgetSession();
		browser.open("/signin/dingtalk/" + a.code() + "/web?next=/desk/");
		awaitDesk("张三");
		browser.forgetSession();
		stubs.dingTalkWebLoginFrom("dingother");
		try {
			browser.open("/signin/dingtalk/" + a.code() + "/web?next=/desk/");
			assertThat(browser.text(By.id("signin-error"))).contains("不属于本企业");
			browser.screenshot("platform-3-foreign-user");
		}
		finally {
			stubs.dingTalkWebLoginFrom(PlatformStubs.DT_CORP);
		}
	}

	@Test
	void aTenantThatDidNotConnectThePlatformHasNoSuchSignIn() {
		browser.forgetSession();
		browser.open("/signin/dingtalk/" + b.code());
		assertThat(browser.text(By.id("signin-error"))).contains("尚未对接");
		browser.open("/signin/dingtalk/9999999");
		assertThat(browser.text(By.id("signin-error"))).contains("不存在");
	}

	@Test
	void insideWeComThePageRedirectsToItsOAuthAndTheCodeItBringsBackSignsTheAgentIn() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> inClient = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/signin/wecom/" + a.code() + "?next=/desk/"))
			.header("User-Agent", "Mozilla/5.0 wxwork/4.1.22 MicroMessenger/7.0.1").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(inClient.statusCode()).isEqualTo(302);
		String location = inClient.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?").contains("appid=" + PlatformStubs.WC_CORP);
		String redirect = URLDecoder.decode(location.replaceAll(".*redirect_uri=([^&#]+).*", "$1"), StandardCharsets.UTF_8);
		assertThat(redirect).isEqualTo(browser.base() + "/signin/wecom/" + a.code() + "?next=%2Fdesk%2F");
		// what WeCom does next: back to the redirect URI with a code
		browser.forgetSession();
		browser.driver().get(redirect + "&code=wx-code&state=in-client");
		awaitDesk("王五");
		assertThat(only(a, "wecom:wangwu").getRole()).isEqualTo("AGENT");
		browser.forgetSession();
	}

	@Test
	void insideFeishuTheJsApiHandsThePageACodeAndTheAgentLandsOnTheDesk() {
		browser.forgetSession();
		browser.open("/signin/feishu/" + a.code() + "?next=/desk/");
		awaitDesk("赵六");
		assertThat(only(a, "feishu:zhaoliu").getDisplayName()).isEqualTo("赵六");
		browser.forgetSession();
	}

	@Test
	void weComsDomainFileUploadedByTheAdministratorIsServedAtTheRootAndAnotherTenantCannotTakeItsName() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ww");
		java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("WW_verify_Ab12Cd34.txt"), "Xy9LmN0pQr\n");
		signInWithPassword(a);
		browser.open("/settings/platforms");
		browser.driver().findElement(By.id("verify-file")).sendKeys(file.toString());
		browser.submit(By.id("verify-upload"));
		assertThat(browser.text(By.cssSelector("#wecom-verify-files .verify-file a"))).isEqualTo("WW_verify_Ab12Cd34.txt");
		HttpResponse<String> served = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(browser.base() + "/WW_verify_Ab12Cd34.txt")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo("Xy9LmN0pQr");
		assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base() + "/WW_verify_Other99.txt")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		signInWithPassword(b);
		browser.open("/settings/platforms");
		browser.driver().findElement(By.id("verify-file")).sendKeys(file.toString());
		browser.submit(By.id("verify-upload"));
		assertThat(browser.text(By.id("flash-error"))).contains("WW_verify_Ab12Cd34.txt").contains("已在提供");
		assertThat(browser.driver().findElements(By.cssSelector("#wecom-verify-files .verify-file"))).as("b sees none of a's").isEmpty();
		browser.forgetSession();
	}

	private void connectDingTalk() {
		TenantContext.run(scope(a), () -> {
			if (links.views().stream().noneMatch(v -> v.platform() == Platform.DINGTALK && v.enabled())) {
				links.save(Platform.DINGTALK, Map.of("corpId", PlatformStubs.DT_CORP, "appKey", PlatformStubs.DT_KEY, "appSecret",
						PlatformStubs.DT_SECRET, "agentId", "123456789"), links.views().stream()
							.filter(v -> v.platform() == Platform.DINGTALK).findFirst().orElseThrow().version(), "test");
			}
		});
	}

	private void fillDingTalk(String secret) {
		browser.type(By.cssSelector("#platform-dingtalk input[name=corpId]"), PlatformStubs.DT_CORP);
		browser.type(By.cssSelector("#platform-dingtalk input[name=appKey]"), PlatformStubs.DT_KEY);
		browser.type(By.cssSelector("#platform-dingtalk input[name=appSecret]"), secret);
		browser.type(By.cssSelector("#platform-dingtalk input[name=agentId]"), "123456789");
		browser.submit(By.cssSelector("#platform-dingtalk button.save"));
	}

	private void awaitDesk(String name) {
		try {
			new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches("^http://[^/]+/desk/.*"));
		}
		catch (org.openqa.selenium.TimeoutException stuck) {
			throw new AssertionError("still on " + browser.driver().getCurrentUrl() + ":\n" + browser.driver().getPageSource(), stuck);
		}
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.cssSelector(".who"), name));
	}

	private void signInWithPassword(Queue queue) {
		browser.forgetSession();
		browser.open("/login");
		browser.type(By.id("tenantCode"), queue.code());
		browser.type(By.id("username"), queue.adminUsername());
		browser.type(By.id("password"), queue.adminPassword());
		browser.submit(By.id("login-submit"));
	}

	private AppUser only(Queue queue, String externalId) {
		var matching = TenantContext.call(scope(queue), () -> users.all().stream().filter(u -> externalId.equals(u.getExternalId())).toList());
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private com.calldesk.tenancy.TenantScope scope(Queue queue) {
		return directory.scopeOf(directory.require(queue.tenantId()));
	}
}
