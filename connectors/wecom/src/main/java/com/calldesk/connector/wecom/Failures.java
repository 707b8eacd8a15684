package com.calldesk.connector.wecom;

import java.util.Set;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonParseException;

import org.apache.http.client.HttpResponseException;

import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * WeCom's errcodes as {@link PlatformException}s. WxJava throws {@link WxErrorException} for every
 * non-zero errcode, and {@link WxRuntimeException} for IO errors, HTTP statuses of 300 and above and
 * errcode -1 (system busy) still failing after its retry.
 */
final class Failures {

	/** Wrong corpid, secret or agentid; 40001 after WxJava's refetch means the secret yields no valid token. */
	private static final Set<Integer> CREDENTIALS = Set.of(40001, 40013, 40056, 40091, 41002, 41004);

	/** Invalid, used or expired OAuth2 code. */
	private static final Set<Integer> CODE = Set.of(40029, 40163, 42003);

	/** Frequency (45009) and concurrency (45033) limits; WeCom gives no hint when to come back. */
	static final Set<Integer> LIMITS = Set.of(45009, 45033);

	static final int SYSTEM_BUSY = -1;

	static final int USER_NOT_FOUND = 60111;

	private Failures() {
	}

	@FunctionalInterface
	interface WxCall<T> {

		T run() throws WxErrorException;
	}

	/** Runs one SDK call, turning what WeCom answered into the connector's exceptions. */
	static <T> T call(WxCall<T> call) {
		try {
			return call.run();
		}
		catch (WxErrorException e) {
			throw of(e);
		}
		catch (WxRuntimeException | JsonParseException e) {
			throw unavailable(e);
		}
	}

	static PlatformException of(WxErrorException e) {
		WxError error = e.getError();
		int code = error == null ? SYSTEM_BUSY : error.getErrorCode();
		String message = "WeCom errcode " + code + (error == null ? "" : ": " + error.getErrorMsg());
		return new PlatformException(reason(code), Integer.toString(code), message, null, null);
	}

	static Reason reason(int code) {
		if (CREDENTIALS.contains(code)) {
			return Reason.INVALID_CREDENTIALS;
		}
		if (CODE.contains(code)) {
			return Reason.INVALID_CODE;
		}
		if (LIMITS.contains(code)) {
			return Reason.RATE_LIMITED;
		}
		if (code == USER_NOT_FOUND) {
			return Reason.USER_NOT_FOUND;
		}
		return code == SYSTEM_BUSY ? Reason.UNAVAILABLE : Reason.FAILED;
	}

	/**
	 * The cause is dropped, not chained: an HTTP client's message can quote the request URL, and every
	 * WeCom URL carries the access token (or, for gettoken, the secret).
	 */
	static PlatformException unavailable(RuntimeException e) {
		Throwable cause = e.getCause();
		String what;
		if (cause instanceof HttpResponseException http) {
			what = "HTTP " + http.getStatusCode();
		}
		else if (cause != null) {
			what = cause.getClass().getSimpleName();
		}
		else {
			// WxJava's own messages (busy after retry) and ours quote no URL
			what = e.getMessage();
		}
		return new PlatformException(Reason.UNAVAILABLE, null, "WeCom did not answer: " + what);
	}
}
