package com.calldesk.connector.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query-string encoding as DingTalk's pages expect it: spaces as %20, not the form encoding's "+". */
final class Urls {

	private Urls() {
	}

	static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
