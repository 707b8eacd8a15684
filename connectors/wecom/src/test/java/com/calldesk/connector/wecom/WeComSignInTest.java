package com.calldesk.connector.wecom;

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
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;

class WeComSignInTest extends StubbedWeCom {

	private static final String GET_USER_INFO = "/cgi-bin/auth/getuserinfo";

	private static final String USER_DETAIL = "/cgi-bin/auth/getuserdetail";

	@BeforeEach
	void stubMember() {
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/user/get"))).withQueryParam("userid", equalTo("zhangsan"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"name\":\"张三\","
					+ "\"department\":[1,2],\"position\":\"坐席\",\"status\":1,\"main_department\":1}")));
	}

	@Test
	void theInClientRedirectIsWeComsSilentOAuth2() {
		URI uri = port.signIn().inClientRedirect("https://app.example.com/wecom/7/signin?next=/pop/1", "s1").orElseThrow();

		assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath())
			.isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize");
		assertThat(Query.of(uri)).containsEntry("appid", CORP)
			.containsEntry("redirect_uri", "https://app.example.com/wecom/7/signin?next=/pop/1")
			.containsEntry("response_type", "code")
			.containsEntry("scope", "snsapi_base")
			.containsEntry("agentid", Integer.toString(AGENT))
			.containsEntry("state", "s1");
		assertThat(uri.getRawFragment()).isEqualTo("wechat_redirect");
	}

	@Test
	void theWebLoginIsWeComsLoginPageForTheApp() {
		URI uri = port.signIn().webLogin("https://app.example.com/wecom/7/web", "s&2").orElseThrow();

		assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath())
			.isEqualTo("https://login.work.weixin.qq.com/wwlogin/sso/login");
		assertThat(Query.of(uri)).containsEntry("login_type", "CorpApp")
			.containsEntry("appid", CORP)
			.containsEntry("agentid", Integer.toString(AGENT))
			.containsEntry("redirect_uri", "https://app.example.com/wecom/7/web")
			.containsEntry("state", "s&2");
	}

	@Test
	void aClientCodeGivesTheMemberWithNameDepartmentsAndMobileFromTheTicket() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO))).withQueryParam("code", equalTo("CODE"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"user_ticket\":\"TICKET\",\"expires_in\":1800}")));
		server.stubFor(withToken(post(urlPathEqualTo(USER_DETAIL))).withRequestBody(matchingJsonPath("$.user_ticket", equalTo("TICKET")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"gender\":\"1\",\"mobile\":\"13800000000\"}")));

		PlatformUser user = port.signIn().userForClientCode("CODE");

		assertThat(user.platformUserId()).isEqualTo("zhangsan");
		assertThat(user.displayName()).isEqualTo("张三");
		assertThat(user.mobile()).isEqualTo("13800000000");
		assertThat(user.departmentIds()).containsExactly("1", "2");
	}

	@Test
	void theOldUpperCaseUserIdIsReadTooAndNoTicketMeansNoMobile() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO))).withQueryParam("code", equalTo("WEBCODE"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"UserId\":\"zhangsan\",\"DeviceId\":\"\"}")));

		PlatformUser user = port.signIn().userForWebCode("WEBCODE", "https://app.example.com/wecom/7/web");

		assertThat(user.platformUserId()).isEqualTo("zhangsan");
		assertThat(user.displayName()).isEqualTo("张三");
		assertThat(user.mobile()).isNull();
		assertThat(count(postRequestedFor(urlPathEqualTo(USER_DETAIL)))).isZero();
	}

	@Test
	void aRefusedTicketStillSignsTheMemberIn() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO)))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"user_ticket\":\"OLD\"}")));
		server.stubFor(withToken(post(urlPathEqualTo(USER_DETAIL))).willReturn(okJson(error(40130, "invalid user_ticket"))));

		PlatformUser user = port.signIn().userForClientCode("CODE");

		assertThat(user.platformUserId()).isEqualTo("zhangsan");
		assertThat(user.mobile()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"oAAA\"}",
			"{\"errcode\":0,\"errmsg\":\"ok\",\"OpenId\":\"oAAA\"}",
			"{\"errcode\":0,\"errmsg\":\"ok\",\"external_userid\":\"wmAAA\",\"openid\":\"oAAA\"}" })
	void someoneWhoIsNotAMemberIsAForeignUser(String answer) {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO))).willReturn(okJson(answer)));

		assertRefused(() -> port.signIn().userForClientCode("CODE"), Reason.FOREIGN_USER);
		assertThat(count(getRequestedFor(urlPathEqualTo("/cgi-bin/user/get")))).isZero();
	}

	@Test
	void anInvalidCodeIsInvalidCode() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO))).withQueryParam("code", equalTo("USED"))
			.willReturn(okJson(error(40029, "invalid code"))));

		PlatformException e = assertRefused(() -> port.signIn().userForWebCode("USED", "https://app.example.com/w"),
				Reason.INVALID_CODE);
		assertThat(e.platformCode()).isEqualTo("40029");
	}

	@Test
	void aMemberUnknownToUserGetIsUserNotFound() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO)))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"ghost\"}")));
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/user/get"))).withQueryParam("userid", equalTo("ghost"))
			.willReturn(okJson(error(60111, "userid not found"))));

		PlatformException e = assertRefused(() -> port.signIn().userForClientCode("CODE"), Reason.USER_NOT_FOUND);
		assertThat(e.platformCode()).isEqualTo("60111");
		assertThat(e.getMessage()).doesNotContain(TOKEN);
	}

	@Test
	void aCodeIsSentEncoded() {
		server.stubFor(withToken(get(urlPathEqualTo(GET_USER_INFO))).withQueryParam("code", equalTo("a b&c"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\"}")));

		assertThat(port.signIn().userForClientCode("a b&c").platformUserId()).isEqualTo("zhangsan");
	}

	private static PlatformException assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
		PlatformException[] caught = new PlatformException[1];
		assertThatThrownBy(call).asInstanceOf(type(PlatformException.class)).satisfies(e -> {
			assertThat(e.reason()).isEqualTo(reason);
			caught[0] = e;
		});
		return caught[0];
	}
}
