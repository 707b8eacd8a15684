package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.APP_ID;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.bearer;
import static com.calldesk.connector.feishu.StubbedFeishu.json;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SignIn;

class FeishuSignInTest {

	private static final String OIDC = "/open-apis/authen/v1/oidc/access_token";

	private static final String USER_INFO = "/open-apis/authen/v1/user_info";

	private static final String ZHANG_SAN = "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"张三\",\"en_name\":\"San Zhang\","
			+ "\"open_id\":\"ou_1\",\"union_id\":\"on_1\",\"user_id\":\"u1\",\"mobile\":\"+8613800000000\",\"tenant_key\":\"tk1\","
			+ "\"email\":\"\",\"enterprise_email\":\"\",\"employee_no\":\"E1\"}}";

	private final StubbedFeishu feishu = new StubbedFeishu();

	@BeforeEach
	void tokens() {
		feishu.issuesTokens();
	}

	@AfterEach
	void stop() {
		feishu.close();
	}

	private void codeIsValid(String code) {
		feishu.server.stubFor(post(urlPathEqualTo(OIDC)).withHeader("Authorization", equalTo(bearer(APP_TOKEN)))
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code")))
			.withRequestBody(matchingJsonPath("$.code", equalTo(code)))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"u-user\",\"refresh_token\":\"ur-r\","
					+ "\"token_type\":\"Bearer\",\"expires_in\":6900,\"refresh_expires_in\":2592000,\"scope\":\"\"}}")));
	}

	private void userInfoIs(String body) {
		feishu.server.stubFor(get(urlPathEqualTo(USER_INFO)).withHeader("Authorization", equalTo(bearer("u-user")))
			.willReturn(json(200, body)));
	}

	@Test
	void theClientPageAsksTheJsApiForACodeAndTheBrowserGoesToTheAccountsPage() {
		SignIn signIn = feishu.open().signIn();

		assertThat(signIn.inClientRedirect("https://desk.example.com/cb", "s1")).isEmpty();
		URI login = signIn.webLogin("https://desk.example.com/sign-in/feishu?next=/pop/1", "st&1").orElseThrow();
		assertThat(login.toString()).startsWith(feishu.base() + "/accounts/open-apis/authen/v1/authorize?")
			.contains("client_id=" + APP_ID)
			.contains("redirect_uri=https%3A%2F%2Fdesk.example.com%2Fsign-in%2Ffeishu%3Fnext%3D%2Fpop%2F1")
			.contains("state=st%261");
	}

	@Test
	void aCodeFromInsideTheClientNamesTheUserOfTheTenant() {
		codeIsValid("CODE");
		userInfoIs(ZHANG_SAN);

		PlatformUser user = feishu.open(Map.of("tenantKey", "tk1")).signIn().userForClientCode("CODE");

		assertThat(user.platformUserId()).isEqualTo("u1");
		assertThat(user.displayName()).isEqualTo("张三");
		assertThat(user.mobile()).isEqualTo("+8613800000000");
		assertThat(user.altIds()).containsEntry("open_id", "ou_1").containsEntry("union_id", "on_1").containsEntry("tenant_key", "tk1");
		feishu.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(OIDC)).withHeader("Authorization", equalTo(bearer(APP_TOKEN))));
		feishu.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(USER_INFO)).withHeader("Authorization", equalTo(bearer("u-user"))));
	}

	@Test
	void aCodeFromTheWebLoginGoesThroughTheSameExchange() {
		codeIsValid("WEBCODE");
		userInfoIs(ZHANG_SAN);

		PlatformUser user = feishu.open().signIn().userForWebCode("WEBCODE", "https://desk.example.com/cb");

		assertThat(user.platformUserId()).isEqualTo("u1");
	}

	@Test
	void withoutTheEmployeeIdScopeTheUserIsTheirOpenId() {
		codeIsValid("CODE");
		userInfoIs("{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"李四\",\"open_id\":\"ou_2\",\"union_id\":\"on_2\",\"tenant_key\":\"tk1\"}}");

		PlatformUser user = feishu.open().signIn().userForClientCode("CODE");

		assertThat(user.platformUserId()).isEqualTo("ou_2");
		assertThat(user.mobile()).isNull();
	}

	@Test
	void aUserOfAnotherOrganisationIsRefused() {
		codeIsValid("CODE");
		userInfoIs(ZHANG_SAN.replace("\"tk1\"", "\"tk-elsewhere\""));

		assertThatThrownBy(() -> feishu.open(Map.of("tenantKey", "tk1")).signIn().userForClientCode("CODE"))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FOREIGN_USER));
	}

	@ParameterizedTest
	@ValueSource(ints = { 20003, 20004, 20001 })
	void anUnknownExpiredOrMalformedCodeIsInvalidCode(int code) {
		feishu.server.stubFor(post(urlPathEqualTo(OIDC))
			.willReturn(json(400, "{\"code\":" + code + ",\"msg\":\"code is invalid\",\"error\":{\"log_id\":\"L1\"}}")));

		assertThatThrownBy(() -> feishu.open().signIn().userForWebCode("USED", "https://desk.example.com/cb"))
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.INVALID_CODE);
				assertThat(e.platformCode()).isEqualTo(Integer.toString(code));
			});
		feishu.server.verify(exactly(0), getRequestedFor(urlPathEqualTo(USER_INFO)));
	}

	@Test
	void aUserWhoNoLongerExistsIsUserNotFound() {
		feishu.server.stubFor(post(urlPathEqualTo(OIDC)).willReturn(json(400, "{\"code\":20008,\"msg\":\"user not exist\"}")));

		assertThatThrownBy(() -> feishu.open().signIn().userForClientCode("CODE"))
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.USER_NOT_FOUND);
				assertThat(e.platformCode()).isEqualTo("20008");
			});
	}

	@Test
	void aRateLimitedExchangeSaysWhenToComeBack() {
		feishu.server.stubFor(post(urlPathEqualTo(OIDC)).willReturn(json(429, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}")
			.withHeader("x-ogw-ratelimit-reset", "3")));

		assertThatThrownBy(() -> feishu.open().signIn().userForClientCode("CODE"))
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
				assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void noCodeIsInvalidCodeWithoutAskingFeishu() {
		assertThatThrownBy(() -> feishu.open().signIn().userForClientCode(" "))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CODE));
		assertThat(feishu.server.getAllServeEvents()).isEmpty();
	}
}
