package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.TENANT_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.bearer;
import static com.calldesk.connector.feishu.StubbedFeishu.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.calldesk.connector.Messenger;
import com.calldesk.connector.Notice;
import com.calldesk.connector.Notice.Kind;
import com.calldesk.connector.Notice.Line;
import com.calldesk.connector.SendResult;
import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

class FeishuMessengerTest {

	private static final String MESSAGES = "/open-apis/im/v1/messages";

	private static final URI LINK = URI.create("https://desk.example.com/sign-in/feishu?next=/pop/call-42#top");

	private static final String SENT = "{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\"om_1\",\"msg_type\":\"interactive\","
			+ "\"chat_id\":\"oc_1\",\"sender\":{\"id\":\"cli_a\",\"id_type\":\"app_id\",\"sender_type\":\"app\",\"tenant_key\":\"tk1\"},"
			+ "\"body\":{\"content\":\"{}\"}}}";

	private final StubbedFeishu feishu = new StubbedFeishu();

	private Messenger messenger;

	@BeforeEach
	void open() {
		feishu.issuesTokens();
		messenger = feishu.open().messenger();
	}

	@AfterEach
	void stop() {
		feishu.close();
	}

	private static Notice notice(Kind kind) {
		return new Notice("call-42-" + kind, kind, "来电 138****0000", List.of(new Line("客户", "李四"), new Line("技能组", "售后")), LINK,
				"打开来电");
	}

	/** The card as Feishu gets it: a JSON document inside the JSON string "content". */
	private DocumentContext sentCard() {
		String body = feishu.server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).get(0).getBodyAsString();
		return JsonPath.parse(JsonPath.<String>read(body, "$.content"));
	}

	@ParameterizedTest
	@CsvSource({ "SCREEN_POP, blue", "MISSED_CALL, red", "VOICEMAIL, orange", "CALLBACK_TASK, turquoise" })
	void eachKindIsACardFromTheBotWithTheLinesAndAButtonIntoTheClient(Kind kind, String colour) {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).withQueryParam("receive_id_type", equalTo("user_id"))
			.withHeader("Authorization", equalTo(bearer(TENANT_TOKEN)))
			.withRequestBody(matchingJsonPath("$.receive_id", equalTo("u1")))
			.withRequestBody(matchingJsonPath("$.msg_type", equalTo("interactive")))
			.withRequestBody(matchingJsonPath("$.uuid", equalTo("call-42-" + kind)))
			.willReturn(json(200, SENT)));

		SendResult result = messenger.send("u1", notice(kind));

		assertThat(result.delivered()).isTrue();
		assertThat(result.platformMessageId()).isEqualTo("om_1");
		DocumentContext card = sentCard();
		assertThat(card.<String>read("$.header.title.content")).isEqualTo("来电 138****0000");
		assertThat(card.<String>read("$.header.title.tag")).isEqualTo("plain_text");
		assertThat(card.<String>read("$.header.template")).isEqualTo(colour);
		assertThat(card.<Boolean>read("$.config.enable_forward")).isFalse();
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'div')].text.content")).containsExactly("**客户**: 李四", "**技能组**: 售后");
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'div')].text.tag")).containsOnly("lark_md");
		String inClient = "https://applink.feishu.cn/client/web_url/open?mode=sidebar-semi&url="
				+ URLEncoder.encode(LINK.toString(), StandardCharsets.UTF_8);
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].multi_url.url")).containsExactly(inClient);
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].multi_url.pc_url")).containsExactly(inClient);
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].multi_url.ios_url")).containsExactly(inClient);
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].type")).containsExactly("primary");
		assertThat(card.<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].text.content")).containsExactly("打开来电");
		assertThat(inClient).contains("url=https%3A%2F%2Fdesk.example.com%2Fsign-in%2Ffeishu%3Fnext%3D%2Fpop%2Fcall-42%23top");
	}

	@Test
	void anOpenIdIsSentAsOpenId() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).withQueryParam("receive_id_type", equalTo("open_id"))
			.withRequestBody(matchingJsonPath("$.receive_id", equalTo("ou_1")))
			.willReturn(json(200, SENT)));

		assertThat(messenger.send("ou_1", notice(Kind.MISSED_CALL)).delivered()).isTrue();
	}

	@Test
	void aLongNoticeIdBecomesAUuidFeishuAccepts() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(json(200, SENT)));
		String id = "callback-task-" + "x".repeat(60);

		messenger.send("u1", new Notice(id, Kind.CALLBACK_TASK, "回拨", List.of(), LINK, null));

		String uuid = JsonPath.read(feishu.server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).get(0).getBodyAsString(), "$.uuid");
		assertThat(uuid).hasSizeLessThanOrEqualTo(50).isEqualTo(FeishuMessenger.uuid(id)).isNotEqualTo(FeishuMessenger.uuid(id + "y"));
		assertThat(sentCard().<List<String>>read("$.elements[?(@.tag == 'action')].actions[0].text.content")).containsExactly("打开");
	}

	@Test
	void aCallersNameIsNotReadAsMarkup() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(json(200, SENT)));

		messenger.send("u1", new Notice("n1", Kind.SCREEN_POP, "来电", List.of(new Line("客户", "*VIP* <b>王_五</b>")), LINK, "打开"));

		assertThat(sentCard().<List<String>>read("$.elements[?(@.tag == 'div')].text.content"))
			.containsExactly("**客户**: &#42;VIP&#42; &#60;b&#62;王&#95;五&#60;/b&#62;");
	}

	@Test
	void someoneOutsideTheAppsAvailabilityIsNotRetried() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES))
			.willReturn(json(400, "{\"code\":230013,\"msg\":\"Bot has NO availability to this user.\",\"error\":{\"log_id\":\"L1\"}}")));

		SendResult result = messenger.send("u9", notice(Kind.SCREEN_POP));

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
		assertThat(result.error()).contains("230013");
	}

	@Test
	void aRateLimitSaysWhenToComeBack() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES))
			.willReturn(json(429, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}").withHeader("x-ogw-ratelimit-reset", "7")));

		SendResult result = messenger.send("u1", notice(Kind.SCREEN_POP));

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
		assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void anOlderApisRateLimitOnHttp400IsARateLimitToo() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES))
			.willReturn(json(400, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}")));

		SendResult result = messenger.send("u1", notice(Kind.SCREEN_POP));

		assertThat(result.retry()).isTrue();
		assertThat(result.retryAfter()).isNull();
		assertThat(result.error()).contains("99991400");
	}

	@Test
	void aServerErrorIsRetried() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(json(503, "{\"code\":1500,\"msg\":\"internal error\"}")));

		SendResult result = messenger.send("u1", notice(Kind.SCREEN_POP));

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
	}

	@Test
	void aGatewaysHtmlPageIsRetried() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES))
			.willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>502 Bad Gateway</html>")));

		assertThat(messenger.send("u1", notice(Kind.SCREEN_POP)).retry()).isTrue();
	}

	@Test
	void anEmptyAnswerIsRetried() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)));

		SendResult result = messenger.send("u1", notice(Kind.SCREEN_POP));

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
	}

	@Test
	void aBrokenConnectionIsRetried() {
		feishu.server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		SendResult result = messenger.send("u1", notice(Kind.SCREEN_POP));

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
	}
}
