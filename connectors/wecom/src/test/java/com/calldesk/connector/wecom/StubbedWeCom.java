package com.calldesk.connector.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.calldesk.connector.Credentials;
import com.calldesk.connector.InMemoryTokenCache;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * A WireMock server on 127.0.0.1 speaking WeCom's documented shapes (CONNECTORS.md 4.9), and one
 * tenant's port on the real SDK pointed at it.
 */
abstract class StubbedWeCom {

	static final String CORP = "ww-corp";

	static final int AGENT = 1000002;

	static final String SECRET = "secret-value-1";

	static final String TOKEN = "wx-token";

	static final String TOKEN_KEY = "wecom:access_token:" + CORP + ":" + AGENT;

	static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	final InMemoryTokenCache tokens = new InMemoryTokenCache(clock);

	WireMockServer server;

	WeComConnector connector;

	TenantPort port;

	@BeforeEach
	void startStub() {
		server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		connector = new WeComConnector("http://127.0.0.1:" + server.port() + "/", tokens, clock);
		port = open(Map.of());
		stubToken(SECRET, TOKEN);
	}

	/** Every request the SDK made was one the stubs know: no call went to an unexpected path or token. */
	@AfterEach
	void stopStub() {
		try {
			assertThat(server.findAllUnmatchedRequests()).extracting(r -> r.getMethod() + " " + r.getUrl()).isEmpty();
		}
		finally {
			server.stop();
		}
	}

	TenantPort open(Map<String, String> extra) {
		Map<String, String> values = new HashMap<>(
				Map.of("corpId", CORP, "agentId", Integer.toString(AGENT), "secret", SECRET));
		values.putAll(extra);
		return connector.open(new TenantRef(7, "2001007"), new Credentials(values));
	}

	void stubToken(String secret, String token) {
		server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpid", equalTo(CORP))
			.withQueryParam("corpsecret", equalTo(secret))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}")));
	}

	/** An API call made with the current token (WxJava appends it as a query parameter). */
	static MappingBuilder withToken(MappingBuilder call) {
		return call.withQueryParam("access_token", equalTo(TOKEN));
	}

	int tokenFetches() {
		return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")).build()).getCount();
	}

	int count(RequestPatternBuilder pattern) {
		return server.countRequestsMatching(pattern.build()).getCount();
	}

	static String error(int code, String message) {
		return "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}";
	}
}
