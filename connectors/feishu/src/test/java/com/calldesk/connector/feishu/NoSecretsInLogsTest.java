package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.APP_ID;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_SECRET;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.NOW;
import static com.calldesk.connector.feishu.StubbedFeishu.TENANT_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.json;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import com.calldesk.connector.Notice;
import com.calldesk.connector.Notice.Kind;
import com.calldesk.connector.TenantPort;

/**
 * Everything at TRACE except the one logger the application must raise: nothing the connector or the SDK
 * logs, and no exception message, carries a secret or a token.
 */
class NoSecretsInLogsTest {

	private static final String ENCRYPT_KEY = "ek-never-logged-42";

	private static final String VERIFICATION_TOKEN = "vt-never-logged-42";

	private static final String USER_TOKEN = "u-user";

	private final StubbedFeishu feishu = new StubbedFeishu();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Logger dispatcher = (Logger) LoggerFactory.getLogger("com.lark.oapi.event.EventDispatcher");

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final List<String> thrown = new ArrayList<>();

	private Level rootLevel;

	private Level dispatcherLevel;

	@BeforeEach
	void capture() {
		rootLevel = root.getLevel();
		dispatcherLevel = dispatcher.getLevel();
		root.setLevel(Level.TRACE);
		dispatcher.setLevel(Level.WARN);
		logged.start();
		root.addAppender(logged);
	}

	@AfterEach
	void restore() {
		root.detachAppender(logged);
		root.setLevel(rootLevel);
		dispatcher.setLevel(dispatcherLevel);
		feishu.close();
	}

	private void attempt(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException e) {
			for (Throwable t = e; t != null; t = t.getCause()) {
				thrown.add(String.valueOf(t.getMessage()));
			}
		}
	}

	@Test
	void noSecretOrTokenIsLoggedOrThrown() {
		feishu.issuesTokens();
		feishu.server.stubFor(post(urlPathEqualTo("/open-apis/authen/v1/oidc/access_token"))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"" + USER_TOKEN + "\",\"expires_in\":6900}}")));
		feishu.server.stubFor(get(urlPathEqualTo("/open-apis/authen/v1/user_info"))
			.willReturn(json(200, "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"张三\",\"user_id\":\"u1\",\"tenant_key\":\"tk-other\"}}")));
		feishu.server.stubFor(post(urlPathEqualTo("/open-apis/im/v1/messages"))
			.willReturn(json(400, "{\"code\":230013,\"msg\":\"Bot has NO availability to this user.\"}")));
		feishu.server.stubFor(get(urlPathEqualTo("/open-apis/contact/v3/departments/0/children"))
			.willReturn(json(400, "{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}")));
		TenantPort port = feishu.open(Map.of("tenantKey", "tk1", "verificationToken", VERIFICATION_TOKEN, "encryptKey", ENCRYPT_KEY));
		TenantPort wrongSecret = feishu.open(Map.of("appSecret", "wrong-secret-never-logged"));

		attempt(port::check);
		attempt(wrongSecret::check);
		attempt(() -> wrongSecret.directory().departments());
		attempt(() -> port.directory().departments());
		attempt(() -> port.signIn().userForClientCode("CODE-never-logged"));
		attempt(() -> port.messenger().send("u1", new Notice("n1", Kind.SCREEN_POP, "来电", List.of(), URI.create("https://d.example/p"), "打开")));
		String event = LarkPush.event("ev-1", "contact.user.deleted_v3", APP_ID, "tk1", VERIFICATION_TOKEN, "{\"object\":{\"user_id\":\"u1\"}}");
		attempt(() -> port.callbacks().handle(LarkPush.signed(ENCRYPT_KEY, event, NOW)));
		attempt(() -> port.callbacks().handle(LarkPush.signed("forged-key", event, NOW)));
		attempt(() -> port.callbacks().handle(LarkPush.request(event, Map.of())));

		List<String> written = new ArrayList<>(thrown);
		for (ILoggingEvent e : logged.list) {
			written.add(e.getFormattedMessage());
			if (e.getThrowableProxy() != null) {
				written.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
			}
		}
		assertThat(String.join("\n", written)).doesNotContain(APP_SECRET, "wrong-secret-never-logged", ENCRYPT_KEY,
				VERIFICATION_TOKEN, TENANT_TOKEN, APP_TOKEN, USER_TOKEN, "CODE-never-logged");
		assertThat(thrown).isNotEmpty();
	}
}
