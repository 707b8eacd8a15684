package com.calldesk.connector.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.calldesk.connector.Notice;
import com.calldesk.connector.SendResult;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;

class WeComMessengerTest extends StubbedWeCom {

	private static final String SEND = "/cgi-bin/message/send";

	private static final String DELIVERED = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\","
			+ "\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"MSGID\",\"response_code\":\"RC\"}";

	private static final URI LINK = URI.create("https://app.example.com/wecom/7/signin?next=/pop/1");

	@ParameterizedTest
	@EnumSource(Notice.Kind.class)
	void eachKindIsATextCardWhoseLinkSignsTheAgentIn(Notice.Kind kind) {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(DELIVERED)));
		Notice notice = new Notice("call-42-" + kind, kind, "来电 138****0000",
				List.of(new Notice.Line("客户", "李四"), new Notice.Line("号码", "138****0000")), LINK, "打开");

		assertThat(port.messenger().send("zhangsan", notice)).isEqualTo(SendResult.delivered("MSGID"));

		server.verify(postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo(TOKEN))
			.withRequestBody(matchingJsonPath("$.msgtype", equalTo("textcard")))
			.withRequestBody(matchingJsonPath("$.touser", equalTo("zhangsan")))
			.withRequestBody(matchingJsonPath("$.agentid", equalTo(Integer.toString(AGENT))))
			.withRequestBody(matchingJsonPath("$.textcard.title", equalTo("来电 138****0000")))
			.withRequestBody(matchingJsonPath("$.textcard.btntxt", equalTo("打开"))));
		String body = sentBody();
		assertThat(JsonPath.<String>read(body, "$.textcard.description")).isEqualTo("<div class=\"highlight\">"
				+ kindLabel(kind) + "</div><div class=\"gray\">客户</div><div class=\"normal\">李四</div>"
				+ "<div class=\"gray\">号码</div><div class=\"normal\">138****0000</div>");
		URI url = URI.create(JsonPath.read(body, "$.textcard.url"));
		assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
			.isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize");
		assertThat(Query.of(url)).containsEntry("appid", CORP)
			.containsEntry("redirect_uri", LINK.toString())
			.containsEntry("response_type", "code")
			.containsEntry("scope", "snsapi_base")
			.containsEntry("state", ("call42" + kind).replace("_", ""));
		assertThat(url.getRawFragment()).isEqualTo("wechat_redirect");
	}

	@Test
	void theDescriptionStaysUnder512BytesAndItsTextCannotOpenTags() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(DELIVERED)));
		Notice notice = new Notice("n1", Notice.Kind.MISSED_CALL, "未接来电",
				List.of(new Notice.Line("客户", "<b>王五</b> & Co"), new Notice.Line("备注", "很长的备注".repeat(60)),
						new Notice.Line("never", "shown")),
				LINK, null);

		port.messenger().send("zhangsan", notice);

		String description = JsonPath.read(sentBody(), "$.textcard.description");
		assertThat(description.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512).isGreaterThan(400);
		assertThat(description).contains("<div class=\"normal\">&lt;b&gt;王五&lt;/b&gt; &amp; Co</div>")
			.contains("<div class=\"gray\">备注</div><div class=\"normal\">很长的备注")
			.endsWith("…</div>")
			.doesNotContain("never");
		assertThat(JsonPath.<String>read(sentBody(), "$.textcard.btntxt")).isEqualTo("详情");
	}

	@Test
	void aRecipientOutsideTheVisibleRangeIsNotRetried() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"lisi\",\"invalidparty\":\"\",\"invalidtag\":\"\",\"msgid\":\"M\"}")));

		SendResult result = port.messenger().send("lisi", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
		assertThat(result.error()).contains("invaliduser");
	}

	@Test
	void aMemberWithoutAnInterfaceLicenceIsNotRetried() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"unlicenseduser\":\"lisi\",\"msgid\":\"M\"}")));

		SendResult result = port.messenger().send("lisi", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
	}

	@Test
	void everyRecipientInvalidIsNotRetried() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(error(81013, "user & party & tag all invalid"))));

		SendResult result = port.messenger().send("nobody", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
		assertThat(result.error()).contains("81013");
	}

	@ParameterizedTest
	@ValueSource(ints = { 45009, 45033 })
	void aFrequencyLimitIsLimited(int errcode) {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(error(errcode, "api freq out of limit"))));

		SendResult result = port.messenger().send("zhangsan", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
		assertThat(result.error()).contains(Integer.toString(errcode));
	}

	@Test
	void systemBusyIsRetriedOnceBySdkThenLeftToTheCaller() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(error(-1, "system busy"))));

		SendResult result = port.messenger().send("zhangsan", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
		assertThat(count(postRequestedFor(urlPathEqualTo(SEND)))).isEqualTo(2);
	}

	@Test
	void aDroppedConnectionIsRetryable() {
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		SendResult result = port.messenger().send("zhangsan", notice());

		assertThat(result.retry()).isTrue();
		assertThat(result.error()).doesNotContain(TOKEN);
	}

	@Test
	void anExpiredTokenIsRefetchedAndTheNoticeSentOnce() {
		tokens.put(TOKEN_KEY, "expired-token", Duration.ofHours(1));
		server.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("expired-token"))
			.willReturn(okJson(error(42001, "access_token expired"))));
		server.stubFor(withToken(post(urlPathEqualTo(SEND))).willReturn(okJson(DELIVERED)));

		assertThat(port.messenger().send("zhangsan", notice()).delivered()).isTrue();

		assertThat(tokenFetches()).isEqualTo(1);
		server.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo(TOKEN)));
	}

	@Test
	void anIdThatWouldAddressSeveralPeopleIsTheCallersMistake() {
		assertThatThrownBy(() -> port.messenger().send("zhangsan|lisi", notice()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Notice notice() {
		return new Notice("n1", Notice.Kind.SCREEN_POP, "来电", List.of(new Notice.Line("客户", "李四")), LINK, "打开");
	}

	private String sentBody() {
		List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(SEND)));
		return sent.get(sent.size() - 1).getBodyAsString();
	}

	private static String kindLabel(Notice.Kind kind) {
		return switch (kind) {
			case SCREEN_POP -> "来电";
			case MISSED_CALL -> "未接来电";
			case VOICEMAIL -> "语音留言";
			case CALLBACK_TASK -> "回拨任务";
		};
	}
}
