package com.calldesk.connector.dingtalk;

import java.util.Map;

import com.aliyun.dingtalkcontact_1_0.models.GetUserHeaders;
import com.aliyun.dingtalkcontact_1_0.models.GetUserResponseBody;
import com.aliyun.dingtalkoauth2_1_0.models.GetUserTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetUserTokenResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

/**
 * The new API host (api.dingtalk.com), used only for the OAuth2 web login. Its clients hold no
 * credentials (they go per request), so one pair serves every tenant.
 */
final class OpenApi {

	/** A user access token from the OAuth2 code, and the organisation the user picked on the login page. */
	record UserToken(String accessToken, String corpId) {

		@Override
		public String toString() {
			return "UserToken[corpId=" + corpId + "]";
		}
	}

	private final com.aliyun.dingtalkoauth2_1_0.Client oauth2;

	private final com.aliyun.dingtalkcontact_1_0.Client contact;

	OpenApi(String endpoint, String protocol) {
		Config config = new Config();
		// tea defaults to plain HTTP when the protocol is left unset, even towards api.dingtalk.com
		config.protocol = protocol;
		config.endpoint = endpoint;
		config.regionId = "central";
		config.connectTimeout = Oapi.CONNECT_TIMEOUT_MILLIS;
		config.readTimeout = Oapi.READ_TIMEOUT_MILLIS;
		try {
			this.oauth2 = new com.aliyun.dingtalkoauth2_1_0.Client(config);
			this.contact = new com.aliyun.dingtalkcontact_1_0.Client(config);
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot build the DingTalk API clients for " + endpoint, e);
		}
	}

	/** {@code POST /v1.0/oauth2/userAccessToken}; a refused code is {@code INVALID_CODE}. */
	UserToken userToken(DingTalkApp app, String code) {
		GetUserTokenRequest request = new GetUserTokenRequest().setClientId(app.appKey())
			.setClientSecret(app.appSecret())
			.setCode(code)
			.setGrantType("authorization_code");
		try {
			GetUserTokenResponseBody body = oauth2.getUserToken(request).getBody();
			return new UserToken(body.getAccessToken(), body.getCorpId());
		}
		catch (Exception e) {
			throw map("oauth2/userAccessToken", e, Reason.INVALID_CODE);
		}
	}

	/** {@code GET /v1.0/contact/users/me} with the user's token. */
	GetUserResponseBody me(UserToken token) {
		GetUserHeaders headers = new GetUserHeaders();
		headers.xAcsDingtalkAccessToken = token.accessToken();
		try {
			return contact.getUserWithOptions("me", headers, new RuntimeOptions()).getBody();
		}
		catch (Exception e) {
			throw map("contact/users/me", e, Reason.FAILED);
		}
	}

	/**
	 * tea throws {@link TeaException} for a 4xx/5xx answer and other exceptions when nothing came back.
	 * Only the platform's code and the status go into the message (the request is in the exception).
	 */
	private static PlatformException map(String call, Exception e, Reason refused) {
		if (!(e instanceof TeaException tea)) {
			return new PlatformException(Reason.UNAVAILABLE, null,
					call + ": DingTalk did not answer (" + e.getClass().getSimpleName() + ")");
		}
		int status = status(tea);
		String code = tea.getCode();
		String message = call + ": HTTP " + status + " " + code;
		if (status == 429 || (code != null && code.startsWith("Throttling"))) {
			return new PlatformException(Reason.RATE_LIMITED, code, message, null, null);
		}
		if (status >= 500) {
			return new PlatformException(Reason.UNAVAILABLE, code, message);
		}
		return new PlatformException(refused, code, message);
	}

	private static int status(TeaException tea) {
		if (tea.getStatusCode() != null) {
			return tea.getStatusCode();
		}
		Map<String, Object> data = tea.getData();
		Object status = data == null ? null : data.get("statusCode");
		return status instanceof Number number ? number.intValue() : 0;
	}
}
