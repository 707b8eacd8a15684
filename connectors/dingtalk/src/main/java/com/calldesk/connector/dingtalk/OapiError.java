package com.calldesk.connector.dingtalk;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.taobao.api.TaobaoResponse;

/**
 * What a legacy topapi answered when it did not succeed. The SDK never throws for these (HTTP 200 with
 * {@code errcode}); it is read from the raw body so every response class is handled alike. Errcode 88
 * ("ding talk error") is a wrapper: the real cause is its {@code sub_code}, which becomes {@link #code()}.
 * A null code means the answer was not DingTalk's JSON at all (a proxy page, a truncated body).
 */
record OapiError(String code, String message, boolean rateLimited, Duration retryAfter) {

	static final String SYSTEM_BUSY = "-1";

	static final String NOT_FOUND = "60121";

	static final String IP_NOT_WHITELISTED = "60020";

	/** The access token is invalid or expired: evict it and call once more. */
	private static final Set<String> TOKEN_INVALID = Set.of("40014", "42001", "40001");

	/** The sign-in code is unknown, used or expired (不存在的临时授权码 and kin). */
	private static final Set<String> INVALID_CODE = Set.of("40078", "40079", "40080");

	/**
	 * "API calls too frequent" (调用频率限制) with the window DingTalk documents: per app and API per second
	 * (90018; 90019 for ISV apps; 90002 platform-wide), per minute (90005, 90006; 41047/41048 for messages).
	 */
	private static final Map<String, Duration> RATE_LIMIT_WINDOW = Map.of("90002", Duration.ofSeconds(1), "90018",
			Duration.ofSeconds(1), "90019", Duration.ofSeconds(1), "90005", Duration.ofMinutes(1), "90006",
			Duration.ofMinutes(1), "41047", Duration.ofMinutes(1), "41048", Duration.ofMinutes(1));

	/** Limits without a documented window; 90020 is the organisation's monthly API quota. */
	private static final Set<String> RATE_LIMITED_NO_HINT = Set.of("90008", "90010", "90014", "90020");

	/** The gateway's per-IP throttle answers {"status":1111,"wait":N,...} instead of an errcode. */
	private static final String IP_THROTTLED = "1111";

	/** The failure in this response, or null when it succeeded. */
	static OapiError of(TaobaoResponse response) {
		JsonObject body = parse(response.getBody());
		if (body == null) {
			return new OapiError(null, "DingTalk answered something that is not JSON", false, null);
		}
		String errcode = text(body, "errcode");
		if (errcode == null && IP_THROTTLED.equals(text(body, "status"))) {
			return new OapiError(IP_THROTTLED, "DingTalk throttled this server's IP", true, seconds(text(body, "wait")));
		}
		if (errcode == null) {
			return new OapiError(null, "DingTalk answered without an errcode", false, null);
		}
		if ("0".equals(errcode)) {
			return null;
		}
		String subCode = text(body, "sub_code");
		String code = "88".equals(errcode) && subCode != null && !subCode.isBlank() ? subCode : errcode;
		String errmsg = text(body, "errmsg");
		String message = errmsg == null ? "errcode " + errcode : errmsg;
		if (IP_NOT_WHITELISTED.equals(code)) {
			message += " (add this server's egress IP to the app's 服务器出口IP list)";
		}
		Duration window = RATE_LIMIT_WINDOW.get(code);
		// a bare 88 saying "too frequent" (调用太频繁) is DingTalk's short temporary ban
		boolean tooFrequent = "88".equals(code) && message.contains("频繁");
		boolean limited = window != null || RATE_LIMITED_NO_HINT.contains(code) || tooFrequent;
		return new OapiError(code, message, limited, tooFrequent ? Duration.ofSeconds(1) : window);
	}

	boolean tokenInvalid() {
		return TOKEN_INVALID.contains(code);
	}

	/** Asking again later may help: load, a busy platform, or an answer that was not DingTalk's. */
	boolean retryable() {
		return rateLimited || code == null || SYSTEM_BUSY.equals(code);
	}

	/** The general mapping; callers refine it where a code means something specific (60121 on sign-in). */
	PlatformException toException(String call) {
		return toException(call, reason());
	}

	PlatformException toException(String call, Reason reason) {
		return new PlatformException(reason, code, call + ": " + message, retryAfter, null);
	}

	private Reason reason() {
		if (rateLimited) {
			return Reason.RATE_LIMITED;
		}
		if (code == null || SYSTEM_BUSY.equals(code)) {
			return Reason.UNAVAILABLE;
		}
		if (INVALID_CODE.contains(code)) {
			return Reason.INVALID_CODE;
		}
		if (NOT_FOUND.equals(code)) {
			return Reason.USER_NOT_FOUND;
		}
		if (tokenInvalid()) {
			return Reason.INVALID_CREDENTIALS;
		}
		return Reason.FAILED;
	}

	private static Duration seconds(String wait) {
		if (wait == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(wait)));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static JsonObject parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonElement element = JsonParser.parseString(body);
			return element.isJsonObject() ? element.getAsJsonObject() : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	private static String text(JsonObject body, String field) {
		JsonElement value = body.get(field);
		return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
	}
}
