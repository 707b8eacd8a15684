package com.calldesk.connector.dingtalk;

import static com.calldesk.connector.dingtalk.DingTalkStub.error;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.Notice;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.SendResult;
import com.calldesk.connector.TenantPort;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class CorpTokensTest {

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	private final DingTalkStub stub = new DingTalkStub();

	private final Notice notice = new Notice("n-1", Notice.Kind.SCREEN_POP, "来电", List.of(),
			URI.create("https://saas.example/dt/7/"), "打开");

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void fetchesTheTokenOnceAndReusesIt() {
		stub.token("dt-token");
		stub.topapi(SEND, "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":1,\"request_id\":\"r5\"}");
		TenantPort tenant = stub.tenant();

		tenant.messenger().send("u001", notice);
		stub.tenant().messenger().send("u002", notice);

		stub.server.verify(1, getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("ak"))
			.withQueryParam("appsecret", equalTo("as")));
		stub.server.verify(2, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("dt-token")));
		assertThat(stub.cache.get(CorpTokens.key(DingTalkApp.from(credentials())))).contains("dt-token");
	}

	@Test
	void checkAlwaysAsksDingTalkSoAChangedSecretFails() {
		stub.token("dt-token");
		stub.tenant().check();
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson(error(40089, "不合法的corpid或corpsecret"))));

		assertThatThrownBy(() -> stub.tenant().check()).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
			assertThat(e.platformCode()).isEqualTo("40089");
			assertThat(e.getMessage()).doesNotContain("as&").doesNotContain("appsecret=");
		});
		stub.server.verify(2, getRequestedFor(urlPathEqualTo("/gettoken")));
	}

	@Test
	void wrongSecretIsInvalidCredentials() {
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson(error(40001, "invalid credential"))));

		assertThatThrownBy(() -> stub.tenant().check()).isInstanceOfSatisfying(PlatformException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS));
	}

	@Test
	void busyTokenEndpointIsUnavailableNotInvalidCredentials() {
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson(error(-1, "系统繁忙"))));

		assertThatThrownBy(() -> stub.tenant().check()).isInstanceOfSatisfying(PlatformException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
	}

	@Test
	void droppedConnectionIsUnavailableAndKeepsTheSecretOutOfTheMessage() {
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(
				com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatThrownBy(() -> stub.tenant().check()).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
			assertThat(e.getMessage()).doesNotContain("appsecret");
			assertThat(e.getCause()).isNull();
		});
	}

	@Test
	void expiredTokenIsEvictedRefetchedAndTheCallRetriedOnce() {
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("token")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"errcode\":0,\"access_token\":\"old-token\",\"expires_in\":7200}"))
			.willSetStateTo("refreshed"));
		stub.server.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("token")
			.whenScenarioStateIs("refreshed")
			.willReturn(okJson("{\"errcode\":0,\"access_token\":\"new-token\",\"expires_in\":7200}")));
		stub.server.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("old-token"))
			.willReturn(okJson(error(42001, "access_token超时"))));
		stub.server.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("new-token"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":77}")));

		SendResult result = stub.tenant().messenger().send("u001", notice);

		assertThat(result).isEqualTo(SendResult.delivered("77"));
		stub.server.verify(2, getRequestedFor(urlPathEqualTo("/gettoken")));
		stub.server.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
		assertThat(stub.cache.get(CorpTokens.key(DingTalkApp.from(credentials())))).contains("new-token");
	}

	@Test
	void aTokenStillRefusedAfterTheRefetchIsNotRetriedAgain() {
		stub.token("dt-token");
		stub.topapi(SEND, error(40014, "不合法的access_token"));

		SendResult result = stub.tenant().messenger().send("u001", notice);

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
		stub.server.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
	}

	private static com.calldesk.connector.Credentials credentials() {
		return new com.calldesk.connector.Credentials(java.util.Map.of(DingTalkApp.CORP_ID, DingTalkStub.CORP_ID,
				DingTalkApp.APP_KEY, "ak", DingTalkApp.APP_SECRET, "as", DingTalkApp.AGENT_ID, "1"));
	}
}
