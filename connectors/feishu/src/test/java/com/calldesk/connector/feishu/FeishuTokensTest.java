package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.APP_ID;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_SECRET;
import static com.calldesk.connector.feishu.StubbedFeishu.TENANT_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.TENANT_TOKEN_PATH;
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

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.Credentials;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class FeishuTokensTest {

	private static final String CHILDREN = "/open-apis/contact/v3/departments/0/children";

	private static final String NO_DEPARTMENTS = "{\"code\":0,\"msg\":\"success\",\"data\":{\"has_more\":false,\"items\":[]}}";

	private final StubbedFeishu feishu = new StubbedFeishu();

	@AfterEach
	void stop() {
		feishu.close();
	}

	@Test
	void checkFetchesATenantTokenWithTheAppsIdAndSecret() {
		feishu.issuesTokens();

		feishu.open().check();

		feishu.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(TENANT_TOKEN_PATH))
			.withRequestBody(matchingJsonPath("$.app_id", equalTo(APP_ID)))
			.withRequestBody(matchingJsonPath("$.app_secret", equalTo(APP_SECRET))));
	}

	@Test
	void aWrongSecretOnCheckIsInvalidCredentials() {
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH))
			.willReturn(json(400, "{\"code\":10014,\"msg\":\"app secret invalid\"}")));

		assertThatThrownBy(() -> feishu.open().check()).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
			assertThat(e.platformCode()).isEqualTo("10014");
			assertThat(e.getMessage()).doesNotContain(APP_SECRET);
		});
	}

	@Test
	void aWrongSecretOnAnyCallIsInvalidCredentials() {
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH))
			.willReturn(json(200, "{\"code\":10003,\"msg\":\"invalid param\"}")));

		assertThatThrownBy(() -> feishu.open().directory().departments())
			.isInstanceOfSatisfying(PlatformException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
				assertThat(e.platformCode()).isEqualTo("10003");
			});
		feishu.server.verify(exactly(0), getRequestedFor(urlPathEqualTo(CHILDREN)));
	}

	@Test
	void checkWhenFeishuIsDownIsUnavailable() {
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH)).willReturn(json(502, "<html>bad gateway</html>")));

		assertThatThrownBy(() -> feishu.open().check()).isInstanceOfSatisfying(PlatformException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
	}

	@Test
	void theTokenIsFetchedOnceKeptInTheTokenCacheAndReused() {
		feishu.issuesTokens();
		feishu.server.stubFor(get(urlPathEqualTo(CHILDREN)).willReturn(json(200, NO_DEPARTMENTS)));
		TenantPort port = feishu.open();

		port.directory().departments();
		port.directory().departments();
		feishu.open().directory().departments(); // reopened after a credentials change: same app, same token

		feishu.server.verify(exactly(1), postRequestedFor(urlPathEqualTo(TENANT_TOKEN_PATH)));
		feishu.server.verify(exactly(3),
				getRequestedFor(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer(TENANT_TOKEN))));
		// the key names the platform and the app; eviction relies on the SDK's spelling of it
		assertThat(feishu.tokens.get("feishu:tenant_access_token-" + APP_ID + "-null")).contains(TENANT_TOKEN);
	}

	@Test
	void anInvalidatedTokenIsEvictedRefetchedAndTheCallRetriedOnce() {
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH)).inScenario("rotation")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-old\",\"expire\":7200}"))
			.willSetStateTo("rotated"));
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH)).inScenario("rotation")
			.whenScenarioStateIs("rotated")
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-new\",\"expire\":7200}")));
		feishu.server.stubFor(get(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-old")))
			.willReturn(json(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}")));
		feishu.server.stubFor(get(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-new")))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"has_more\":false,"
					+ "\"items\":[{\"name\":\"客服部\",\"department_id\":\"d1\",\"open_department_id\":\"od-1\",\"parent_department_id\":\"0\"}]}}")));

		assertThat(feishu.open().directory().departments()).extracting("id").containsExactly("od-1");

		feishu.server.verify(exactly(2), postRequestedFor(urlPathEqualTo(TENANT_TOKEN_PATH)));
		feishu.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-old"))));
		feishu.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-new"))));
	}

	@Test
	void aTokenStillInvalidAfterTheRetryFailsWithoutLooping() {
		feishu.issuesTokens();
		feishu.server.stubFor(get(urlPathEqualTo(CHILDREN))
			.willReturn(json(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}")));

		assertThatThrownBy(() -> feishu.open().directory().departments())
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.platformCode()).isEqualTo("99991663"));
		feishu.server.verify(exactly(2), getRequestedFor(urlPathEqualTo(CHILDREN)));
	}

	@Test
	void tenantsSharingTheProcessKeepTheirOwnTokens() {
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH)).withRequestBody(matchingJsonPath("$.app_id", equalTo(APP_ID)))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-A\",\"expire\":7200}")));
		feishu.server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH)).withRequestBody(matchingJsonPath("$.app_id", equalTo("cli_tenantB")))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-B\",\"expire\":7200}")));
		feishu.server.stubFor(get(urlPathEqualTo(CHILDREN)).willReturn(json(200, NO_DEPARTMENTS)));
		TenantPort a = feishu.open();
		TenantPort b = feishu.connector.open(new TenantRef(8, "2001008"),
				new Credentials(Map.of("appId", "cli_tenantB", "appSecret", "secretB")));

		a.directory().departments(); // after b was built, which reset the SDK's global token manager
		b.directory().departments();

		feishu.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-A"))));
		feishu.server.verify(exactly(1), getRequestedFor(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer("t-B"))));
	}
}
