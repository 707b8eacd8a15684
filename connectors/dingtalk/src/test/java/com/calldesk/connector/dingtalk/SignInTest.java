package com.calldesk.connector.dingtalk;

import static com.calldesk.connector.dingtalk.DingTalkStub.error;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SignIn;

class SignInTest {

	private static final String USER_GET = "/topapi/v2/user/get";

	private static final String USER_TOKEN = "/v1.0/oauth2/userAccessToken";

	private static final String ME = "/v1.0/contact/users/me";

	private static final String BY_UNIONID = "/topapi/user/getbyunionid";

	private static final String MEMBER = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u001\",\"unionid\":\"un001\","
			+ "\"name\":\"张三\",\"mobile\":\"13800000000\",\"state_code\":\"86\",\"dept_id_list\":[1,2],\"active\":true,"
			+ "\"admin\":false},\"request_id\":\"r2\"}";

	private final DingTalkStub stub = new DingTalkStub();

	private SignIn signIn;

	@BeforeEach
	void start() {
		stub.token("dt-token");
		signIn = stub.tenant().signIn();
	}

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void inClientThePageAsksTheJsApiSoThereIsNoRedirect() {
		assertThat(signIn.inClientRedirect("https://saas.example/dt/7/", "s")).isEmpty();
	}

	@Test
	void webLoginIsDingTalksOAuth2PageAskingForTheOrganisation() {
		URI login = signIn.webLogin("https://saas.example/dt/7/callback?x=1", "st 1").orElseThrow();

		assertThat(login.toString()).isEqualTo("http://127.0.0.1:" + stub.server.port() + "/login/oauth2/auth"
				+ "?redirect_uri=https%3A%2F%2Fsaas.example%2Fdt%2F7%2Fcallback%3Fx%3D1&response_type=code&client_id=ak"
				+ "&scope=openid%20corpid&state=st%201&prompt=consent");
		assertThat(new DingTalkConnector(DingTalkConnector.Endpoints.PRODUCTION, stub.cache, stub.clock)
			.open(new com.calldesk.connector.TenantRef(1, "t"), credentials())
			.signIn()
			.webLogin("https://saas.example/cb", "s")
			.orElseThrow()
			.toString()).startsWith("https://login.dingtalk.com/oauth2/auth?redirect_uri=https%3A%2F%2Fsaas.example%2Fcb&");
	}

	@Test
	void clientCodeGivesTheMemberWithMobileDepartmentsAndUnionid() {
		stub.topapi("/topapi/v2/user/getuserinfo", "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u001\","
				+ "\"unionid\":\"un001\",\"name\":\"张三\",\"associated_unionid\":\"\",\"device_id\":\"d1\",\"sys\":false,"
				+ "\"sys_level\":0},\"request_id\":\"r1\"}");
		stub.topapi(USER_GET, MEMBER);

		PlatformUser user = signIn.userForClientCode("authcode");

		assertThat(user).isEqualTo(new PlatformUser("u001", "张三", "13800000000", List.of("1", "2"),
				Map.of(DingTalkSignIn.UNIONID, "un001")));
		stub.server.verify(postRequestedFor(urlPathEqualTo("/topapi/v2/user/getuserinfo"))
			.withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.code", equalTo("authcode"))));
		stub.server.verify(postRequestedFor(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.userid", equalTo("u001")))
			.withRequestBody(matchingJsonPath("$.language", equalTo("zh_CN"))));
	}

	@Test
	void unknownClientCodeIsInvalidCode() {
		stub.topapi("/topapi/v2/user/getuserinfo", error(40078, "不存在的临时授权码"));

		assertThatThrownBy(() -> signIn.userForClientCode("stale")).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.INVALID_CODE);
			assertThat(e.platformCode()).isEqualTo("40078");
		});
	}

	@Test
	void memberMissingFromTheDirectoryIsUserNotFound() {
		stub.topapi("/topapi/v2/user/getuserinfo", "{\"errcode\":0,\"result\":{\"userid\":\"u009\"}}");
		stub.topapi(USER_GET, error(60121, "找不到该用户"));

		assertThatThrownBy(() -> signIn.userForClientCode("authcode")).isInstanceOfSatisfying(PlatformException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.USER_NOT_FOUND));
	}

	@Test
	void rateLimitedLookupIsRateLimitedWithTheWindow() {
		stub.topapi("/topapi/v2/user/getuserinfo", "{\"errcode\":0,\"result\":{\"userid\":\"u001\"}}");
		stub.topapi(USER_GET, error(90018, "当前企业调用该接口的频率已达上限"));

		assertThatThrownBy(() -> signIn.userForClientCode("authcode")).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
			assertThat(e.platformCode()).isEqualTo("90018");
			assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(1));
		});
	}

	@Test
	void webCodeGoesThroughTheUserTokenAndUnionidToTheMember() {
		userToken("dingcorp1");
		stub.server.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson("{\"nick\":\"张三\",\"unionId\":\"un001\","
				+ "\"openId\":\"op1\",\"mobile\":\"13800000000\",\"stateCode\":\"86\",\"avatarUrl\":\"https://a/1.png\"}")));
		stub.topapi(BY_UNIONID, "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"contact_type\":0,\"userid\":\"u001\"},"
				+ "\"request_id\":\"r6\"}");
		stub.topapi(USER_GET, MEMBER);

		PlatformUser user = signIn.userForWebCode("authCode", "https://saas.example/dt/7/callback");

		assertThat(user.platformUserId()).isEqualTo("u001");
		assertThat(user.departmentIds()).containsExactly("1", "2");
		assertThat(user.altIds()).containsEntry(DingTalkSignIn.UNIONID, "un001");
		stub.server.verify(postRequestedFor(urlPathEqualTo(USER_TOKEN))
			.withRequestBody(matchingJsonPath("$.clientId", equalTo("ak")))
			.withRequestBody(matchingJsonPath("$.clientSecret", equalTo("as")))
			.withRequestBody(matchingJsonPath("$.code", equalTo("authCode")))
			.withRequestBody(matchingJsonPath("$.grantType", equalTo("authorization_code"))));
		stub.server.verify(getRequestedFor(urlPathEqualTo(ME)).withHeader("x-acs-dingtalk-access-token", equalTo("user-tok")));
		stub.server.verify(postRequestedFor(urlPathEqualTo(BY_UNIONID)).withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.unionid", equalTo("un001"))));
	}

	@Test
	void webLoginForAnotherOrganisationIsForeignUser() {
		userToken("dingother");

		assertThatThrownBy(() -> signIn.userForWebCode("authCode", "https://saas.example/cb"))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FOREIGN_USER));
		stub.server.verify(0, getRequestedFor(urlPathEqualTo(ME)));
	}

	@Test
	void webLoginOfSomeoneOutsideTheOrganisationIsForeignUser() {
		userToken("dingcorp1");
		stub.server.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson("{\"nick\":\"王五\",\"unionId\":\"un777\"}")));
		stub.topapi(BY_UNIONID, error(60121, "找不到该用户"));

		assertThatThrownBy(() -> signIn.userForWebCode("authCode", "https://saas.example/cb"))
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.FOREIGN_USER);
				assertThat(e.platformCode()).isEqualTo("60121");
			});
	}

	@Test
	void refusedWebCodeIsInvalidCodeAndAServerErrorIsUnavailable() {
		stub.server.stubFor(post(urlPathEqualTo(USER_TOKEN)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"InvalidAuthentication\",\"message\":\"不合法的临时授权码\",\"requestid\":\"RID\"}")));
		assertThatThrownBy(() -> signIn.userForWebCode("used", "https://saas.example/cb"))
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.INVALID_CODE);
				assertThat(e.platformCode()).isEqualTo("InvalidAuthentication");
			});

		stub.server.stubFor(post(urlPathEqualTo(USER_TOKEN)).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"ServiceUnavailable\",\"message\":\"busy\",\"requestid\":\"RID\"}")));
		assertThatThrownBy(() -> signIn.userForWebCode("code", "https://saas.example/cb"))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
	}

	private void userToken(String corpId) {
		stub.server.stubFor(post(urlPathEqualTo(USER_TOKEN)).willReturn(okJson("{\"accessToken\":\"user-tok\","
				+ "\"refreshToken\":\"ref-tok\",\"expireIn\":7200,\"corpId\":\"" + corpId + "\"}")));
	}

	private static com.calldesk.connector.Credentials credentials() {
		return new com.calldesk.connector.Credentials(Map.of(DingTalkApp.CORP_ID, "dingcorp1", DingTalkApp.APP_KEY, "ak",
				DingTalkApp.APP_SECRET, "as", DingTalkApp.AGENT_ID, "1"));
	}
}
