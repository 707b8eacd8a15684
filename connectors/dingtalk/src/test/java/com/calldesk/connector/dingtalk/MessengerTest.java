package com.calldesk.connector.dingtalk;

import static com.calldesk.connector.dingtalk.DingTalkStub.error;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
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
import com.calldesk.connector.SendResult;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;

class MessengerTest {

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	private static final URI LINK = URI.create("https://saas.example/dt/7/signin?next=%2Fcalls%2F42&x=a%20b");

	private final DingTalkStub stub = new DingTalkStub();

	private Messenger messenger;

	@BeforeEach
	void start() {
		stub.token("dt-token");
		messenger = stub.tenant().messenger();
	}

	@AfterEach
	void stop() {
		stub.close();
	}

	@ParameterizedTest
	@CsvSource({ "SCREEN_POP, 来电", "MISSED_CALL, 未接来电", "VOICEMAIL, 语音留言", "CALLBACK_TASK, 回拨任务" })
	void rendersEachKindAsAnActionCardWithTheLinkOpeningInsideDingTalk(Notice.Kind kind, String kindLabel) {
		stub.topapi(SEND, "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"r5\"}");
		Notice notice = new Notice("call-42-" + kind, kind, "来电 138****0000",
				List.of(new Notice.Line("客户", "李四"), new Notice.Line("号码", "138****0000")), LINK, "打开工单");

		SendResult result = messenger.send("u001", notice);

		assertThat(result).isEqualTo(SendResult.delivered("256271667526"));
		stub.server.verify(postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.agent_id", equalTo(DingTalkStub.AGENT_ID)))
			.withRequestBody(matchingJsonPath("$.userid_list", equalTo("u001")))
			.withRequestBody(matchingJsonPath("$.to_all_user", equalTo("false")))
			.withRequestBody(matchingJsonPath("$.msg.msgtype", equalTo("action_card")))
			.withRequestBody(matchingJsonPath("$.msg.action_card.title", equalTo("来电 138****0000")))
			.withRequestBody(matchingJsonPath("$.msg.action_card.single_title", equalTo("打开工单")))
			.withRequestBody(matchingJsonPath("$.msg.action_card.markdown", containing("**客户**: 李四")))
			.withRequestBody(matchingJsonPath("$.msg.action_card.markdown", containing("**号码**: 138****0000"))));
		String body = lastSend().getBodyAsString();
		String markdown = JsonPath.read(body, "$.msg.action_card.markdown");
		String shortId = WorkNoticeCard.shortId("call-42-" + kind);
		// 10:00:00 in China for 02:00Z: the time and the id keep two notices to one person distinct
		assertThat(markdown).startsWith("### 来电 138****0000\n\n")
			.endsWith("###### " + kindLabel + " · #" + shortId + " · 2026-03-02 10:00:00");
		assertThat(shortId).hasSize(8).isNotEqualTo(WorkNoticeCard.shortId("call-43-" + kind));
		String singleUrl = JsonPath.read(body, "$.msg.action_card.single_url");
		assertThat(singleUrl).startsWith("dingtalk://dingtalkclient/page/link?url=").endsWith("&pc_slide=true");
		String wrapped = singleUrl.substring("dingtalk://dingtalkclient/page/link?url=".length(),
				singleUrl.length() - "&pc_slide=true".length());
		assertThat(wrapped).doesNotContain("&", "?", " ", "+");
		assertThat(URLDecoder.decode(wrapped, StandardCharsets.UTF_8)).isEqualTo(LINK.toString());
	}

	@Test
	void aShortNoticeIdIsShownAsItIs() {
		assertThat(WorkNoticeCard.shortId("c42-pop")).isEqualTo("c42-pop");
	}

	@Test
	void perSecondRateLimitIsLimitedWithTheDocumentedWindow() {
		stub.topapi(SEND, error(90018, "当前企业调用该接口的频率已达上限"));

		SendResult result = messenger.send("u001", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isTrue();
		assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(result.error()).contains("90018");
	}

	@Test
	void rateLimitWrappedInErrcode88IsRecognisedBySubCode() {
		stub.topapi(SEND, "{\"errcode\":88,\"sub_code\":\"90006\",\"sub_msg\":\"每分钟调用次数超限\","
				+ "\"errmsg\":\"ding talk error[subcode=90006,submsg=每分钟调用次数超限]\",\"request_id\":\"r\"}");

		SendResult result = messenger.send("u001", notice());

		assertThat(result).isEqualTo(SendResult.limited(Duration.ofMinutes(1), result.error()));
		assertThat(result.error()).contains("90006");
	}

	@Test
	void ipThrottleOfTheGatewayIsLimitedWithItsWait() {
		stub.topapi(SEND, "{\"status\":1111,\"wait\":5,\"source\":\"x5\",\"punish\":\"deny\",\"uuid\":\"u\"}");

		SendResult result = messenger.send("u001", notice());

		assertThat(result.retry()).isTrue();
		assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void systemBusyIsRetriable() {
		stub.topapi(SEND, error(-1, "系统繁忙"));

		SendResult result = messenger.send("u001", notice());

		assertThat(result.retry()).isTrue();
		assertThat(result.retryAfter()).isNull();
	}

	@Test
	void unknownRecipientIsNotRetried() {
		stub.topapi(SEND, error(60121, "找不到该用户"));

		SendResult result = messenger.send("nobody", notice());

		assertThat(result.delivered()).isFalse();
		assertThat(result.retry()).isFalse();
		assertThat(result.error()).contains("60121");
	}

	@Test
	void serverErrorAndDroppedConnectionAreRetriable() {
		stub.server.stubFor(DingTalkStub.topapiPost(SEND).willReturn(DingTalkStub.status(502)));
		assertThat(messenger.send("u001", notice()).retry()).isTrue();

		stub.server.stubFor(
				DingTalkStub.topapiPost(SEND).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		SendResult dropped = messenger.send("u001", notice());
		assertThat(dropped.retry()).isTrue();
		assertThat(dropped.error()).doesNotContain("dt-token");
	}

	private static Notice notice() {
		return new Notice("n-1", Notice.Kind.MISSED_CALL, "未接来电", List.of(new Notice.Line("客户", "李四")), LINK, "回拨");
	}

	private LoggedRequest lastSend() {
		List<LoggedRequest> sends = stub.server.findAll(postRequestedFor(urlPathEqualTo(SEND)));
		return sends.get(sends.size() - 1);
	}
}
