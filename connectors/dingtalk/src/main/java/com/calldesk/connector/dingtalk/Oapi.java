package com.calldesk.connector.dingtalk;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.dingtalk.api.DefaultDingTalkClient;
import com.taobao.api.ApiException;
import com.taobao.api.TaobaoRequest;
import com.taobao.api.TaobaoResponse;

/**
 * Calls to the legacy topapi host (oapi.dingtalk.com) with the tenant's corp token. The SDK's client is
 * stateless and takes the full endpoint URL, so one is made per call against the configured base.
 */
final class Oapi {

	static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	static final int READ_TIMEOUT_MILLIS = 10_000;

	private final String base;

	private final CorpTokens tokens;

	Oapi(String base, CorpTokens tokens) {
		this.base = base;
		this.tokens = tokens;
	}

	/**
	 * The successful response, else the failure as {@link PlatformException}. An invalid or expired token
	 * is evicted and the call made once more with a fresh one (a secret rotation or an early expiry).
	 */
	<T extends TaobaoResponse> T call(DingTalkApp app, String path, TaobaoRequest<T> request) {
		String token = tokens.token(app);
		T response = execute(base + path, request, token);
		OapiError error = OapiError.of(response);
		if (error != null && error.tokenInvalid()) {
			tokens.evict(app, token);
			response = execute(base + path, request, tokens.token(app));
			error = OapiError.of(response);
		}
		if (error != null) {
			throw error.toException(path);
		}
		return response;
	}

	/**
	 * One HTTP exchange. The SDK's IOException text can carry the full URL with {@code access_token}, so
	 * neither its message nor the exception itself goes into what is thrown.
	 */
	static <T extends TaobaoResponse> T execute(String url, TaobaoRequest<T> request, String token) {
		DefaultDingTalkClient client = new DefaultDingTalkClient(url);
		client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
		client.setReadTimeout(READ_TIMEOUT_MILLIS);
		try {
			return token == null ? client.execute(request) : client.execute(request, token);
		}
		catch (ApiException e) {
			if (e.getErrCode() != null && e.getCause() == null) {
				// the SDK's own parameter check refused the request before sending it
				throw new PlatformException(Reason.FAILED, e.getErrCode(), request.getApiMethodName() + ": " + e.getErrMsg());
			}
			String kind = e.getCause() == null ? "ApiException" : e.getCause().getClass().getSimpleName();
			throw new PlatformException(Reason.UNAVAILABLE, null,
					request.getApiMethodName() + ": DingTalk did not answer properly (" + kind + ")");
		}
	}
}
