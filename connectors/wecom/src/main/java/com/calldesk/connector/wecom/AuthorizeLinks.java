package com.calldesk.connector.wecom;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The browser-side URLs of WeCom sign-in. They are built here rather than with WxJava's
 * {@code buildAuthorizationUrl}, which puts {@code state} in unencoded. Both always point at WeCom's
 * real hosts: only the browser follows them.
 */
final class AuthorizeLinks {

	private static final String OAUTH2_AUTHORIZE = "https://open.weixin.qq.com/connect/oauth2/authorize";

	private static final String WEB_LOGIN = "https://login.work.weixin.qq.com/wwlogin/sso/login";

	/**
	 * snsapi_base: silent, no consent page, and gives the userid, which is what seats bind on. The mobile
	 * (snsapi_privateinfo + user_ticket) would cost a consent page on every in-client sign-in and every
	 * click on a notice, and nothing may depend on a mobile anyway.
	 */
	static final String SCOPE = "snsapi_base";

	private final String corpId;

	private final int agentId;

	AuthorizeLinks(String corpId, int agentId) {
		this.corpId = corpId;
		this.agentId = agentId;
	}

	/**
	 * WeCom's OAuth2 redirect: inside the client it comes straight back to {@code redirectUri} with a code.
	 * {@code agentid} is optional for snsapi_base but documented as recommended (it activates the member's
	 * interface licence where one is needed).
	 */
	URI oauth2(String redirectUri, String state) {
		return URI.create(OAUTH2_AUTHORIZE + "?appid=" + enc(corpId) + "&redirect_uri=" + enc(redirectUri)
				+ "&response_type=code&scope=" + SCOPE + "&agentid=" + agentId + "&state=" + enc(state)
				+ "#wechat_redirect");
	}

	/** WeCom's web login page (QR code, or the desktop client's one-click sign-in). */
	URI webLogin(String redirectUri, String state) {
		return URI.create(WEB_LOGIN + "?login_type=CorpApp&appid=" + enc(corpId) + "&agentid=" + agentId
				+ "&redirect_uri=" + enc(redirectUri) + "&state=" + enc(state));
	}

	static String enc(String value) {
		return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
