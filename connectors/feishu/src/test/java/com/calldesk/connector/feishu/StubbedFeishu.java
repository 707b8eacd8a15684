package com.calldesk.connector.feishu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import com.calldesk.connector.Credentials;
import com.calldesk.connector.InMemoryTokenCache;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** A Feishu open platform on 127.0.0.1 speaking the documented shapes (CONNECTORS.md 5.9), and a connector on it. */
final class StubbedFeishu implements AutoCloseable {

	static final String APP_ID = "cli_tenantA";

	static final String APP_SECRET = "secretA-do-not-log";

	static final String TENANT_TOKEN = "t-tenant";

	static final String APP_TOKEN = "a-app";

	static final String TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token/internal";

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	final InMemoryTokenCache tokens = new InMemoryTokenCache(CLOCK);

	final FeishuConnector connector;

	StubbedFeishu() {
		server.start();
		connector = new FeishuConnector(base(), base() + "/accounts", tokens, CLOCK);
	}

	String base() {
		return "http://127.0.0.1:" + server.port();
	}

	TenantPort open() {
		return open(Map.of());
	}

	/** The tenant's app with extra credential fields (tenantKey, verificationToken, encryptKey). */
	TenantPort open(Map<String, String> extra) {
		Map<String, String> values = new HashMap<>(extra);
		values.putIfAbsent("appId", APP_ID);
		values.putIfAbsent("appSecret", APP_SECRET);
		return connector.open(new TenantRef(7, "2001007"), new Credentials(values));
	}

	/** Both internal token endpoints, answering only to the right app id and secret. */
	void issuesTokens() {
		server.stubFor(post(urlPathEqualTo(TENANT_TOKEN_PATH))
			.withRequestBody(matchingJsonPath("$.app_id", equalTo(APP_ID)))
			.withRequestBody(matchingJsonPath("$.app_secret", equalTo(APP_SECRET)))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + TENANT_TOKEN + "\",\"expire\":7200}")));
		server.stubFor(post(urlPathEqualTo(APP_TOKEN_PATH))
			.withRequestBody(matchingJsonPath("$.app_id", equalTo(APP_ID)))
			.withRequestBody(matchingJsonPath("$.app_secret", equalTo(APP_SECRET)))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"ok\",\"app_access_token\":\"" + APP_TOKEN
					+ "\",\"tenant_access_token\":\"" + TENANT_TOKEN + "\",\"expire\":7200}")));
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	@Override
	public void close() {
		server.stop();
	}
}
