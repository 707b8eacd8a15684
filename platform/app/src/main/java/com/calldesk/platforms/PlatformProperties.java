package com.calldesk.platforms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.calldesk.connector.Platform;

/**
 * {@code calldesk.*} settings of the platform ports: the address people reach the app at (links in
 * notices, OAuth redirect URIs), where each platform's servers and JS API are (the tests point them at
 * 127.0.0.1), the secret keys, and how notices are sent.
 */
@ConfigurationProperties("calldesk.platforms")
record PlatformProperties(@DefaultValue("http://localhost:8080") String publicUrl, String secretKeys, String keyFile,
		@DefaultValue Dingtalk dingtalk, @DefaultValue Wecom wecom, @DefaultValue Feishu feishu, @DefaultValue Notices notices) {

	record Dingtalk(@DefaultValue("https://oapi.dingtalk.com") String oapiBase, @DefaultValue("api.dingtalk.com") String apiEndpoint,
			@DefaultValue("https") String apiProtocol, @DefaultValue("https://login.dingtalk.com") String loginBase,
			@DefaultValue("https://g.alicdn.com/dingding/dingtalk-jsapi/2.10.3/dingtalk.open.js") String jsApi) {
	}

	record Wecom(@DefaultValue("https://qyapi.weixin.qq.com") String apiBase) {
	}

	record Feishu(@DefaultValue("https://open.feishu.cn") String openBase, @DefaultValue("https://accounts.feishu.cn") String accountsBase,
			@DefaultValue("https://lf1-cdn-tos.bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.23.js") String jsApi) {
	}

	/**
	 * {@code perMinute}: notices to one person per platform and minute (WeCom silently drops beyond 30);
	 * {@code maxAttempts} before a notice is given up and shown to the administrator as failed.
	 */
	record Notices(@DefaultValue("20") int perMinute, @DefaultValue("8") int maxAttempts, @DefaultValue("10s") java.time.Duration sweep) {
	}

	@Override
	public String publicUrl() {
		return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The platform's JS API for the sign-in page; WeCom signs in by redirect and needs none. */
	String jsApi(Platform platform) {
		return switch (platform) {
			case DINGTALK -> dingtalk.jsApi();
			case FEISHU -> feishu.jsApi();
			default -> null;
		};
	}
}
