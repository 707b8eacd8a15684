package com.calldesk.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One local HTTP server standing in for DingTalk's, WeCom's and Feishu's servers (their paths do not
 * overlap), answering in the shapes the platforms document, and serving stand-ins for their in-client
 * JS APIs: each hands the page a code derived from the app id the page passed, so a page that passes
 * the wrong id signs nobody in.
 */
final class PlatformStubs implements AutoCloseable {

	static final String DT_CORP = "dingcorp1";

	static final String DT_KEY = "dt-app-key";

	static final String DT_SECRET = "dt-app-secret";

	static final String WC_CORP = "ww-corp";

	static final String WC_SECRET = "wc-secret";

	static final String FS_APP = "cli_calldesk";

	static final String FS_SECRET = "fs-secret";

	final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	PlatformStubs() {
		server.start();
		dingTalk();
		weCom();
		feishu();
		server.stubFor(get("/js/dingtalk.js").willReturn(aResponse().withHeader("Content-Type", "application/javascript").withBody(
				"window.dd = { ready: function (f) { f(); }, runtime: { permission: { requestAuthCode: function (o) {"
						+ " o.onSuccess({ code: 'dt-code-for-' + o.corpId }); } } } };")));
		server.stubFor(get("/js/feishu.js").willReturn(aResponse().withHeader("Content-Type", "application/javascript").withBody(
				"window.tt = { requestAccess: function (o) { o.success({ code: 'fs-code-for-' + o.appID }); } };")));
	}

	/** The application on {@code httpPort} (its public URL) and {@code sipPort}, every platform's servers and JS API here. */
	void pointTheAppAtUs(org.springframework.test.context.DynamicPropertyRegistry registry, int httpPort, int sipPort) {
		registry.add("server.port", () -> httpPort);
		registry.add("calldesk.sip.server.listen-port", () -> sipPort);
		registry.add("calldesk.platforms.public-url", () -> "http://127.0.0.1:" + httpPort);
		registry.add("calldesk.platforms.dingtalk.oapi-base", this::base);
		registry.add("calldesk.platforms.dingtalk.api-endpoint", () -> "127.0.0.1:" + server.port());
		registry.add("calldesk.platforms.dingtalk.api-protocol", () -> "http");
		registry.add("calldesk.platforms.dingtalk.login-base", this::base);
		registry.add("calldesk.platforms.dingtalk.js-api", () -> base() + "/js/dingtalk.js");
		registry.add("calldesk.platforms.wecom.api-base", this::base);
		registry.add("calldesk.platforms.feishu.open-base", this::base);
		registry.add("calldesk.platforms.feishu.accounts-base", this::base);
		registry.add("calldesk.platforms.feishu.js-api", () -> base() + "/js/feishu.js");
	}

	String base() {
		return "http://127.0.0.1:" + server.port();
	}

	private void dingTalk() {
		server.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(DT_KEY)).withQueryParam("appsecret", equalTo(DT_SECRET))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"dt-token\",\"expires_in\":7200}")));
		server.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appsecret", equalTo("wrong-secret"))
			.willReturn(okJson("{\"errcode\":40089,\"errmsg\":\"不合法的corpid或corpsecret\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/user/getuserinfo")).withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.code", equalTo("dt-code-for-" + DT_CORP)))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u001\",\"unionid\":\"un001\",\"name\":\"张三\","
					+ "\"associated_unionid\":\"\",\"device_id\":\"d1\",\"sys\":false,\"sys_level\":0},\"request_id\":\"r1\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).withRequestBody(matchingJsonPath("$.userid", equalTo("u001")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u001\",\"unionid\":\"un001\",\"name\":\"张三\","
					+ "\"mobile\":\"13800000001\",\"state_code\":\"86\",\"dept_id_list\":[2],\"active\":true,\"admin\":false},\"request_id\":\"r2\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).withRequestBody(matchingJsonPath("$.userid", equalTo("u002")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u002\",\"unionid\":\"un002\",\"name\":\"李四\","
					+ "\"dept_id_list\":[1],\"active\":true,\"admin\":false},\"request_id\":\"r2\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/department/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"dept_id\":1,\"name\":\"演示科技\",\"parent_id\":0},\"request_id\":\"r\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub")).withRequestBody(matchingJsonPath("$.dept_id", equalTo("1")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[{\"dept_id\":2,\"name\":\"客服部\",\"parent_id\":1}],\"request_id\":\"r4\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub")).withRequestBody(matchingJsonPath("$.dept_id", equalTo("2")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[],\"request_id\":\"r4\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/user/list")).withRequestBody(matchingJsonPath("$.dept_id", equalTo("1")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":false,\"next_cursor\":0,\"list\":["
					+ "{\"userid\":\"u002\",\"name\":\"李四\",\"dept_id_list\":[1],\"active\":true}]},\"request_id\":\"r3\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/user/list")).withRequestBody(matchingJsonPath("$.dept_id", equalTo("2")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":false,\"next_cursor\":0,\"list\":["
					+ "{\"userid\":\"u001\",\"name\":\"张三\",\"mobile\":\"13800000001\",\"dept_id_list\":[2],\"active\":true}]},\"request_id\":\"r3\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"r5\"}")));
		// the web (QR) login: DingTalk's page comes straight back with a code, as after a scan
		server.stubFor(get(urlPathEqualTo("/oauth2/auth")).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "{{request.query.redirect_uri}}?authCode=web-{{request.query.client_id}}&state={{request.query.state}}")
			.withTransformers("response-template")));
		dingTalkWebLoginFrom(DT_CORP);
		server.stubFor(get(urlPathEqualTo("/v1.0/contact/users/me")).withHeader("x-acs-dingtalk-access-token", equalTo("user-tok"))
			.willReturn(okJson("{\"nick\":\"张三\",\"unionId\":\"un001\",\"openId\":\"op1\",\"mobile\":\"13800000001\",\"stateCode\":\"86\"}")));
		server.stubFor(post(urlPathEqualTo("/topapi/user/getbyunionid")).withRequestBody(matchingJsonPath("$.unionid", equalTo("un001")))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"contact_type\":0,\"userid\":\"u001\"},\"request_id\":\"r6\"}")));
	}

	/** Whose QR scan the web login sees: DingTalk names the scanner's organisation (another one's is refused). */
	void dingTalkWebLoginFrom(String corpId) {
		server.stubFor(post(urlPathEqualTo("/v1.0/oauth2/userAccessToken")).withRequestBody(matchingJsonPath("$.code", equalTo("web-" + DT_KEY)))
			.willReturn(okJson("{\"accessToken\":\"user-tok\",\"refreshToken\":\"ref-tok\",\"expireIn\":7200,\"corpId\":\"" + corpId + "\"}")));
	}

	private void weCom() {
		server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpid", equalTo(WC_CORP))
			.withQueryParam("corpsecret", equalTo(WC_SECRET))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"wx-token\",\"expires_in\":7200}")));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/auth/getuserinfo")).withQueryParam("code", equalTo("wx-code"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"wangwu\",\"expires_in\":1800}")));
		server.stubFor(get(urlPathEqualTo("/cgi-bin/user/get")).withQueryParam("userid", equalTo("wangwu"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"wangwu\",\"name\":\"王五\",\"department\":[1],\"status\":1}")));
	}

	private void feishu() {
		String token = "{\"code\":0,\"msg\":\"ok\",\"app_access_token\":\"a-app\",\"tenant_access_token\":\"t-tenant\",\"expire\":7200}";
		server.stubFor(post(urlPathEqualTo("/open-apis/auth/v3/app_access_token/internal"))
			.withRequestBody(matchingJsonPath("$.app_secret", equalTo(FS_SECRET))).willReturn(okJson(token)));
		server.stubFor(post(urlPathEqualTo("/open-apis/auth/v3/tenant_access_token/internal"))
			.withRequestBody(matchingJsonPath("$.app_secret", equalTo(FS_SECRET))).willReturn(okJson(token)));
		server.stubFor(post(urlPathEqualTo("/open-apis/authen/v1/oidc/access_token"))
			.withRequestBody(matchingJsonPath("$.code", equalTo("fs-code-for-" + FS_APP)))
			.willReturn(okJson("{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"u-user\",\"refresh_token\":\"ur-r\","
					+ "\"token_type\":\"Bearer\",\"expires_in\":6900,\"refresh_expires_in\":2592000,\"scope\":\"\"}}")));
		server.stubFor(get(urlPathEqualTo("/open-apis/authen/v1/user_info")).withHeader("Authorization", equalTo("Bearer u-user"))
			.willReturn(okJson("{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"赵六\",\"en_name\":\"Liu Zhao\",\"open_id\":\"ou_6\","
					+ "\"union_id\":\"on_6\",\"user_id\":\"zhaoliu\",\"mobile\":\"+8613800000006\",\"tenant_key\":\"tk1\"}}")));
	}

	@Override
	public void close() {
		server.stop();
	}
}
