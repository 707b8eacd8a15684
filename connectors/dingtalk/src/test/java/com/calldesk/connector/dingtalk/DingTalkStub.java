package com.calldesk.connector.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A DingTalk stand-in on 127.0.0.1 speaking the documented shapes (CONNECTORS.md 3.9), and a connector
 * pointed at it with a fixed clock. Each test class starts its own server.
 */
final class DingTalkStub implements AutoCloseable {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	static final String CORP_ID = "dingcorp1";

	static final String APP_KEY = "ak";

	static final String APP_SECRET = "as";

	static final String AGENT_ID = "123456789";

	static final String TOKEN = "dt-token";

	final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	final InMemoryTokenCache cache = new InMemoryTokenCache(clock);

	final DingTalkConnector connector;

	DingTalkStub() {
		server.start();
		String base = "http://127.0.0.1:" + server.port();
		connector = new DingTalkConnector(
				new DingTalkConnector.Endpoints(base, "127.0.0.1:" + server.port(), "http", base + "/login"), cache,
				clock);
	}

	TenantPort tenant() {
		return tenant(Map.of());
	}

	TenantPort tenant(Map<String, String> extra) {
		Map<String, String> values = new HashMap<>(Map.of(DingTalkApp.CORP_ID, CORP_ID, DingTalkApp.APP_KEY,
				APP_KEY, DingTalkApp.APP_SECRET, APP_SECRET, DingTalkApp.AGENT_ID, AGENT_ID));
		values.putAll(extra);
		return connector.open(new TenantRef(7, "acme"), new Credentials(values));
	}

	void token(String token) {
		server.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}")));
	}

	/** A topapi POST answering {@code json}; the token matcher is added by the caller where it matters. */
	void topapi(String path, String json) {
		server.stubFor(topapiPost(path).willReturn(okJson(json)));
	}

	static MappingBuilder topapiPost(String path) {
		return post(urlPathEqualTo(path));
	}

	static String error(int errcode, String errmsg) {
		return "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\",\"request_id\":\"x\"}";
	}

	static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status).withBody("busy");
	}

	/** Every request the connector made was one the stub knows: nothing went to an unexpected path. */
	@Override
	public void close() {
		try {
			assertThat(server.findAllUnmatchedRequests()).isEmpty();
		}
		finally {
			server.stop();
		}
	}
}
