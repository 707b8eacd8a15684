package com.calldesk.connector.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.calldesk.connector.Notice;
import com.calldesk.connector.TenantPort;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** WxJava logs the request URL, access_token included, on API errors; the connector's calls must not. */
class NoSecretsInLogsTest extends StubbedWeCom {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Level rootLevel;

	@BeforeEach
	void captureEverything() {
		rootLevel = root.getLevel();
		root.setLevel(Level.DEBUG);
		events.start();
		root.addAppender(events);
	}

	@AfterEach
	void stopCapturing() {
		root.detachAppender(events);
		root.setLevel(rootLevel);
	}

	@Test
	void failingAndSucceedingCallsLogNeitherTokenNorSecret() {
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo"))).willReturn(okJson(error(40029, "invalid code"))));
		server.stubFor(withToken(post(urlPathEqualTo("/cgi-bin/message/send"))).willReturn(okJson(error(81013, "all invalid"))));
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/department/list"))).willReturn(aResponse().withStatus(500)));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpsecret", equalTo("wrong-secret"))
			.willReturn(okJson(error(40001, "invalid credential"))));

		catchThrowable(() -> port.signIn().userForClientCode("CODE"));
		port.messenger().send("nobody", new Notice("n", Notice.Kind.SCREEN_POP, "t", List.of(), URI_LINK, "打开"));
		catchThrowable(() -> port.directory().departments());
		TenantPort wrong = open(Map.of("secret", "wrong-secret"));
		catchThrowable(wrong::check);

		assertThat(events.list).isNotEmpty();
		assertThat(events.list).filteredOn(NoSecretsInLogsTest::notHttpClientWire)
			.map(ILoggingEvent::getFormattedMessage)
			.noneMatch(m -> m.contains(TOKEN) || m.contains(SECRET) || m.contains("wrong-secret"));
	}

	/**
	 * Apache HttpClient prints every request line at DEBUG (org.apache.http.headers / .wire / .impl);
	 * the application keeps org.apache.http at INFO or above, which this leaves out.
	 */
	private static boolean notHttpClientWire(ILoggingEvent event) {
		return !event.getLoggerName().startsWith("org.apache.http") || event.getLevel().isGreaterOrEqual(Level.INFO);
	}

	private static final java.net.URI URI_LINK = java.net.URI.create("https://app.example.com/pop/1");
}
