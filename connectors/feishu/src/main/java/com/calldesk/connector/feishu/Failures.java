package com.calldesk.connector.feishu;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonParseException;
import com.lark.oapi.core.exception.ClientTimeoutException;
import com.lark.oapi.core.exception.ObtainAccessTokenException;
import com.lark.oapi.core.exception.ServerTimeoutException;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;

/**
 * Feishu's answers and the SDK's exceptions as {@link PlatformException}s. The SDK never throws for an API
 * error (the code is in the response, often with HTTP 4xx); it throws for IO, for an unreadable body and
 * when it could not fetch the access token itself.
 */
final class Failures {

	static final int RATE_LIMITED = 99991400;

	static final int TENANT_TOKEN_INVALID = 99991663;

	static final int APP_TOKEN_INVALID = 99991664;

	/** What the SDK's own token fetch puts in its exception: {@code …failure: code:10014,msg:app secret invalid}. */
	private static final Pattern TOKEN_FAILURE = Pattern.compile("code:(-?\\d+),msg:(.*)$");

	private Failures() {
	}

	static boolean tokenInvalid(int code) {
		return code == TENANT_TOKEN_INVALID || code == APP_TOKEN_INVALID;
	}

	static boolean rateLimited(BaseResponse<?> response) {
		return response.getCode() == RATE_LIMITED || status(response) == 429;
	}

	static int status(BaseResponse<?> response) {
		return response.getRawResponse() == null ? 0 : response.getRawResponse().getStatusCode();
	}

	/** The reset hint of a rate-limited answer, in seconds ({@code x-ogw-ratelimit-reset}); null without one. */
	static Duration retryAfter(RawResponse raw) {
		if (raw == null || raw.getHeaders() == null) {
			return null;
		}
		for (Map.Entry<String, List<String>> header : raw.getHeaders().entrySet()) {
			if ("x-ogw-ratelimit-reset".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
				try {
					return Duration.ofSeconds(Math.max(0, Long.parseLong(header.getValue().get(0).strip())));
				}
				catch (NumberFormatException unreadable) {
					return null;
				}
			}
		}
		return null;
	}

	/** An API answer that is not a success, for calls with no more specific mapping. */
	static PlatformException of(String call, BaseResponse<?> response) {
		String code = Integer.toString(response.getCode());
		if (rateLimited(response)) {
			return new PlatformException(Reason.RATE_LIMITED, code, call + ": rate limited",
					retryAfter(response.getRawResponse()), null);
		}
		if (status(response) >= 500) {
			return new PlatformException(Reason.UNAVAILABLE, code, call + ": HTTP " + status(response));
		}
		return new PlatformException(Reason.FAILED, code, call + ": " + response.getMsg());
	}

	/** What the SDK threw; its messages name paths and Feishu's error text, never tokens or secrets. */
	static PlatformException of(String call, Exception e) {
		if (e instanceof PlatformException platform) {
			return platform;
		}
		if (e instanceof ObtainAccessTokenException) {
			return tokenFetchFailed(call, e);
		}
		if (e instanceof IOException || e instanceof ClientTimeoutException || e instanceof ServerTimeoutException) {
			return new PlatformException(Reason.UNAVAILABLE, null, call + ": Feishu did not answer (" + e.getClass().getSimpleName() + ")",
					null, e);
		}
		if (e instanceof JsonParseException || e instanceof IllegalArgumentException
				&& String.valueOf(e.getMessage()).contains("returned by the server is illegal")) {
			// a gateway's HTML error page, or an empty body
			return new PlatformException(Reason.UNAVAILABLE, null, call + ": unreadable answer", null, e);
		}
		return new PlatformException(Reason.FAILED, null, call + ": " + e.getClass().getSimpleName(), null, e);
	}

	/** The token endpoint takes nothing but the app id and secret, so any refusal there is theirs. */
	private static PlatformException tokenFetchFailed(String call, Exception e) {
		Matcher m = TOKEN_FAILURE.matcher(String.valueOf(e.getMessage()));
		String code = m.find() ? m.group(1) : null;
		String msg = code == null ? "" : m.group(2);
		if (Integer.toString(RATE_LIMITED).equals(code)) {
			return new PlatformException(Reason.RATE_LIMITED, code, call + ": token fetch rate limited");
		}
		return new PlatformException(Reason.INVALID_CREDENTIALS, code, call + ": Feishu refused the app credentials: " + msg,
				null, null);
	}
}
