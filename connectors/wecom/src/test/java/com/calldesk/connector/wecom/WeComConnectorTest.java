package com.calldesk.connector.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.calldesk.connector.TokenCache;
import com.github.tomakehurst.wiremock.http.Fault;

class WeComConnectorTest extends StubbedWeCom {

	private static final String USER_GET = "/cgi-bin/user/get";

	@Test
	void asksForTheSelfBuiltAppsFieldsInBothLanguages() {
		assertThat(connector.platform()).isEqualTo(Platform.WECOM);
		assertThat(connector.credentialFields()).extracting(CredentialField::name)
			.containsExactly("corpId", "agentId", "secret", "callbackToken", "callbackAesKey");
		assertThat(connector.credentialFields()).extracting(CredentialField::labelZh)
			.containsExactly("企业 ID", "应用 AgentId", "应用 Secret", "接收消息 Token", "接收消息 EncodingAESKey");
		assertThat(connector.credentialFields()).allSatisfy(f -> assertThat(f.labelEn()).isNotBlank());
		assertThat(connector.credentialFields()).filteredOn(CredentialField::secret)
			.extracting(CredentialField::name)
			.containsExactly("secret", "callbackToken", "callbackAesKey");
		assertThat(connector.credentialFields()).filteredOn(CredentialField::required)
			.extracting(CredentialField::name)
			.containsExactly("corpId", "agentId", "secret");
		assertThat(WeComConnector.PRODUCTION_BASE).isEqualTo("https://qyapi.weixin.qq.com");
	}

	@Test
	void refusesIncompleteOrMisshapenCredentials() {
		TenantRef tenant = new TenantRef(7, "2001007");
		assertInvalid(() -> connector.open(tenant, new Credentials(Map.of("agentId", "1", "secret", "s"))));
		assertInvalid(() -> open(Map.of("agentId", "app-one")));
		assertInvalid(() -> open(Map.of("callbackToken", "t")));
		assertInvalid(() -> open(Map.of("callbackToken", "t", "callbackAesKey", "too-short")));
		assertInvalid(() -> open(Map.of("callbackToken", "t", "callbackAesKey", "!".repeat(43))));
	}

	@Test
	void checkFetchesATokenEvenWhenOneIsCached() {
		tokens.put(TOKEN_KEY, "token-of-the-previous-secret", Duration.ofHours(1));

		port.check();

		server.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpid", equalTo(CORP))
			.withQueryParam("corpsecret", equalTo(SECRET)));
		assertThat(tokens.get(TOKEN_KEY)).contains(TOKEN);
	}

	@ParameterizedTest
	@ValueSource(ints = { 40001, 40013, 40091 })
	void wrongCorpOrSecretIsInvalidCredentials(int errcode) {
		TenantPort wrong = open(Map.of("secret", "wrong-secret"));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpsecret", equalTo("wrong-secret"))
			.willReturn(okJson(error(errcode, "invalid credential, hint: [x]"))));

		assertThatThrownBy(wrong::check).asInstanceOf(type(PlatformException.class)).satisfies(e -> {
			assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
			assertThat(e.platformCode()).isEqualTo(Integer.toString(errcode));
			assertThat(e.getMessage()).doesNotContain("wrong-secret");
		});
	}

	@Test
	void anUnreachablePlatformIsUnavailableWithoutTheSecretInTheMessage() {
		TenantPort broken = open(Map.of("secret", "secret-for-a-broken-host"));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpsecret", equalTo("secret-for-a-broken-host"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatThrownBy(broken::check).asInstanceOf(type(PlatformException.class)).satisfies(e -> {
			assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
			assertThat(e.getMessage()).doesNotContain("secret-for-a-broken-host");
			assertThat(e.getCause()).isNull();
		});
	}

	@Test
	void aServerErrorIsUnavailable() {
		server.stubFor(get(urlPathEqualTo(USER_GET)).withQueryParam("userid", equalTo("lisi"))
			.willReturn(aResponse().withStatus(502)));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo")).willReturn(okJson("{\"errcode\":0,\"userid\":\"lisi\"}")));

		assertThatThrownBy(() -> port.signIn().userForClientCode("CODE")).asInstanceOf(type(PlatformException.class))
			.satisfies(e -> {
				assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
				assertThat(e.getMessage()).contains("HTTP 502").doesNotContain(TOKEN);
			});
	}

	@Test
	void theTokenIsFetchedOnceAndSharedByPortsOfTheSameApp() {
		stubUser();
		TenantPort otherNode = new WeComConnector("http://127.0.0.1:" + server.port(), tokens, clock)
			.open(new TenantRef(7, "2001007"), new Credentials(
					Map.of("corpId", CORP, "agentId", Integer.toString(AGENT), "secret", SECRET)));
		stubCodeFor("zhangsan");

		port.signIn().userForClientCode("CODE");
		port.signIn().userForClientCode("CODE");
		otherNode.signIn().userForClientCode("CODE");

		assertThat(tokenFetches()).isEqualTo(1);
		server.verify(3, getRequestedFor(urlPathEqualTo(USER_GET)).withQueryParam("access_token", equalTo(TOKEN)));
	}

	@Test
	void theTokenIsCachedAShortWhileBeforeWeComExpiresIt() {
		List<Duration> ttls = new ArrayList<>();
		TokenCache recording = new TokenCache() {
			@Override
			public Optional<String> get(String key) {
				return tokens.get(key);
			}

			@Override
			public void put(String key, String token, Duration ttl) {
				assertThat(key).contains(CORP).contains(Integer.toString(AGENT));
				ttls.add(ttl);
				tokens.put(key, token, ttl);
			}

			@Override
			public void evict(String key) {
				tokens.evict(key);
			}
		};
		new WeComConnector("http://127.0.0.1:" + server.port(), recording, clock)
			.open(new TenantRef(7, "2001007"),
					new Credentials(Map.of("corpId", CORP, "agentId", Integer.toString(AGENT), "secret", SECRET)))
			.check();

		assertThat(ttls).singleElement().satisfies(ttl -> assertThat(ttl).isLessThan(Duration.ofSeconds(7200))
			.isGreaterThan(Duration.ofSeconds(6000)));
	}

	@Test
	void anExpiredTokenIsEvictedRefetchedAndTheCallRetriedOnce() {
		tokens.put(TOKEN_KEY, "expired-token", Duration.ofHours(1));
		stubUser();
		stubCodeFor("zhangsan");
		server.stubFor(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo")).withQueryParam("access_token", equalTo("expired-token"))
			.willReturn(okJson(error(42001, "access_token expired"))));

		assertThat(port.signIn().userForClientCode("CODE").platformUserId()).isEqualTo("zhangsan");

		assertThat(tokenFetches()).isEqualTo(1);
		assertThat(tokens.get(TOKEN_KEY)).contains(TOKEN);
		server.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/auth/getuserinfo"))
			.withQueryParam("access_token", equalTo("expired-token")));
		server.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/auth/getuserinfo"))
			.withQueryParam("access_token", equalTo(TOKEN)));
	}

	@Test
	void aTokenStillRefusedAfterTheRefetchIsNotRetriedAgain() {
		server.stubFor(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo")).willReturn(okJson(error(40014, "invalid access_token"))));

		assertThatThrownBy(() -> port.signIn().userForClientCode("CODE")).asInstanceOf(type(PlatformException.class))
			.satisfies(e -> assertThat(e.platformCode()).isEqualTo("40014"));
		assertThat(count(getRequestedFor(urlPathEqualTo("/cgi-bin/auth/getuserinfo")))).isEqualTo(2);
		assertThat(tokens.get(TOKEN_KEY)).isEmpty();
	}

	private void stubUser() {
		server.stubFor(withToken(get(urlPathEqualTo(USER_GET))).withQueryParam("userid", equalTo("zhangsan"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"zhangsan\",\"name\":\"张三\","
					+ "\"department\":[1,2],\"position\":\"坐席\",\"status\":1,\"main_department\":1}")));
	}

	private void stubCodeFor(String userId) {
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo"))).withQueryParam("code", equalTo("CODE"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"" + userId + "\",\"expires_in\":1800}")));
	}

	private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).asInstanceOf(type(PlatformException.class))
			.satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS));
	}
}
