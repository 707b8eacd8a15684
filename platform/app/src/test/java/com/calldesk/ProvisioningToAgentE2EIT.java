package com.calldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.calldesk.support.Browser;

/**
 * The foundation end to end in a real browser: a company applies, staff approve it and allocate seats
 * and numbers, the tenant administrator binds a seat to a new agent, and the agent signs in to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:e2e;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk", "calldesk.sip.server.enabled=false",
		"calldesk.demo.enabled=false", "calldesk.sip.public-host=sip.calldesk.example" })
class ProvisioningToAgentE2EIT {

	@LocalServerPort
	int port;

	@RegisterExtension
	static BrowserHolder holder = new BrowserHolder();

	@Test
	void staffProvisionTenantAdminBindsAndAgentSignsIn() {
		Browser browser = holder.open("http://localhost:" + port);

		browser.open("/apply");
		browser.type(By.name("companyName"), "浙江某某电器售后部");
		browser.type(By.name("contactName"), "周经理");
		browser.type(By.name("contactPhone"), "0571-87654321");
		browser.find(By.id("apply-submit")).click();
		assertThat(browser.text(By.id("apply-done"))).contains("申请已提交");

		browser.open("/admin/login");
		browser.type(By.id("username"), "staff");
		browser.type(By.id("password"), "staff123");
		browser.find(By.id("login-submit")).click();
		browser.find(By.cssSelector("tr[data-company='浙江某某电器售后部'] button.approve")).click();
		String adminPassword = browser.text(By.id("opened-password"));
		String tenantCode = browser.text(By.id("tenant-code"));
		assertThat(adminPassword).hasSize(16);

		browser.type(By.cssSelector("#form-seats input[name=count]"), "2");
		browser.submit(By.cssSelector("#form-seats button"));
		List<String> issued = browser.driver().findElements(By.cssSelector(".issued-user")).stream().map(WebElement::getText).toList();
		assertThat(issued).containsExactly("ss" + tenantCode + "ss0001", "ss" + tenantCode + "ss0002");
		assertThat(browser.driver().findElements(By.cssSelector(".issued-password"))).allMatch(p -> p.getText().length() == 16);

		browser.type(By.cssSelector("#form-trunk input[name=number]"), "0571-88886666");
		browser.type(By.cssSelector("#form-trunk input[name=serviceNumber]"), "4008207777");
		browser.submit(By.cssSelector("#form-trunk button"));
		assertThat(browser.text(By.id("flash-done"))).isEqualTo("已保存。");
		browser.type(By.cssSelector("#form-display input[name=number]"), "13957100000");
		browser.submit(By.cssSelector("#form-display button"));
		assertThat(browser.text(By.id("display-numbers"))).contains("+8613957100000").contains("杭州");
		browser.type(By.cssSelector("#form-topup input[name=amountYuan]"), "300.50");
		browser.submit(By.cssSelector("#form-topup button"));
		assertThat(browser.text(By.id("balance"))).isEqualTo("300.50");

		browser.type(By.cssSelector("#form-trunk input[name=number]"), "0571-88886666");
		browser.submit(By.cssSelector("#form-trunk button"));
		assertThat(browser.text(By.id("flash-error"))).contains("已分配给其他租户");
		assertThat(browser.text(By.id("order-lines"))).contains("中继号").contains("坐席").contains("外显号码").contains("充值");

		browser.find(By.linkText("话机配置单")).click();
		assertThat(browser.text(By.id("sheet-account"))).isEqualTo("ss" + tenantCode + "ss0001");
		assertThat(browser.text(By.id("sheet-server"))).isEqualTo("sip.calldesk.example:5091");
		browser.screenshot("phone-sheet");

		browser.forgetSession();
		signIn(browser, tenantCode, "admin", adminPassword);
		browser.find(By.id("nav-users")).click();
		browser.type(By.name("username"), "zhou.agent");
		browser.type(By.name("displayName"), "周坐席");
		new Select(browser.find(By.name("role"))).selectByValue("AGENT");
		browser.type(By.name("password"), "agent-pass-1");
		browser.submit(By.cssSelector("form.inline button"));
		assertThat(browser.text(By.id("user-table"))).contains("zhou.agent");

		browser.find(By.id("nav-seats")).click();
		By firstSeat = By.cssSelector("tr[data-seat='ss" + tenantCode + "ss0001']");
		new Select(browser.find(By.cssSelector("tr[data-seat='ss" + tenantCode + "ss0001'] select[name=userId]")))
			.selectByVisibleText("周坐席 (zhou.agent)");
		browser.find(By.cssSelector("tr[data-seat='ss" + tenantCode + "ss0001'] button.bind")).click();
		assertThat(browser.find(firstSeat).findElement(By.cssSelector(".bound")).getText()).isEqualTo("周坐席 (zhou.agent)");
		browser.screenshot("seat-settings");

		browser.forgetSession();
		signIn(browser, tenantCode, "zhou.agent", "agent-pass-1");
		assertThat(browser.text(By.id("welcome"))).isEqualTo("欢迎，周坐席");
		assertThat(browser.text(By.id("my-seat"))).isEqualTo("ss" + tenantCode + "ss0001");
		assertThat(browser.driver().findElements(By.id("nav-seats"))).isEmpty();
		browser.find(By.id("lang-en")).click();
		assertThat(browser.text(By.id("welcome"))).isEqualTo("Welcome, 周坐席");
		assertThat(browser.text(By.id("role"))).isEqualTo("Agent");
		browser.screenshot("agent-home-en");
	}

	@Test
	void wrongPasswordShowsAClearMessageInChinese() {
		Browser browser = holder.open("http://localhost:" + port);
		browser.forgetSession();
		browser.open("/login?lang=zh_CN");
		browser.type(By.id("tenantCode"), "2001999");
		browser.type(By.id("username"), "nobody");
		browser.type(By.id("password"), "whatever");
		browser.find(By.id("login-submit")).click();
		assertThat(browser.text(By.id("login-error"))).isEqualTo("租户编号、用户名或密码错误。");
	}

	private static void signIn(Browser browser, String tenantCode, String username, String password) {
		browser.open("/login");
		browser.type(By.id("tenantCode"), tenantCode);
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), password);
		browser.find(By.id("login-submit")).click();
	}

	/** One browser for the class; screenshots on failure come from the {@link Browser} watcher. */
	static final class BrowserHolder implements org.junit.jupiter.api.extension.TestWatcher {

		private Browser browser;

		Browser open(String base) {
			if (browser == null) {
				browser = new Browser(base);
			}
			return browser;
		}

		@Override
		public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
			if (browser != null) {
				browser.testFailed(context, cause);
			}
		}

		@AfterAll
		static void unused() {
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (holder.browser != null) {
			holder.browser.close();
		}
	}

	@BeforeAll
	static void driverIsInstalled() {
		assertThat(java.nio.file.Path.of(System.getProperty("calldesk.chromedriver", "/usr/bin/chromedriver"))).exists();
	}
}
