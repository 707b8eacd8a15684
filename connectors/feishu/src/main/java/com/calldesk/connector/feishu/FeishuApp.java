package com.calldesk.connector.feishu;

import java.nio.charset.StandardCharsets;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonParseException;
import com.lark.oapi.Client;
import com.lark.oapi.core.Constants;
import com.lark.oapi.core.request.SelfBuiltAppAccessTokenReq;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.response.TenantAccessTokenResp;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.core.utils.Jsons;

/** One tenant's self-built Feishu app: its SDK client, and calls that survive a revoked token. */
final class FeishuApp {

	@FunctionalInterface
	interface SdkCall<R> {

		R run(Client client) throws Exception;
	}

	private final String appId;

	private final String appSecret;

	private final Client client;

	private final LarkTokenCache tokens;

	FeishuApp(String appId, String appSecret, Client client, LarkTokenCache tokens) {
		this.appId = appId;
		this.appSecret = appSecret;
		this.client = client;
		this.tokens = tokens;
	}

	String appId() {
		return appId;
	}

	/**
	 * Runs an SDK call; when Feishu calls the cached token invalid (rotated secret, token revoked), forgets
	 * the app's tokens and runs it once more with fresh ones. The answer is returned whatever its code.
	 */
	<R extends BaseResponse<?>> R call(String name, SdkCall<R> call) {
		R response = invoke(name, call);
		if (Failures.tokenInvalid(response.getCode())) {
			tokens.evict(appId);
			response = invoke(name, call);
		}
		return response;
	}

	private <R> R invoke(String name, SdkCall<R> call) {
		try {
			return call.run(client);
		}
		catch (Exception e) {
			throw Failures.of(name, e);
		}
	}

	/**
	 * Fetches a tenant_access_token directly, bypassing the cache: a cached token would prove nothing about
	 * a secret just typed in.
	 */
	void check() {
		SelfBuiltAppAccessTokenReq body = new SelfBuiltAppAccessTokenReq();
		body.setAppId(appId);
		body.setAppSecret(appSecret);
		RawResponse raw;
		try {
			raw = client.post(Constants.TENANT_ACCESS_TOKEN_INTERNAL_URL_PATH, body, AccessTokenType.None);
		}
		catch (Exception e) {
			throw Failures.of("tenant_access_token", e);
		}
		if (raw.getStatusCode() >= 500) {
			throw new PlatformException(Reason.UNAVAILABLE, null, "tenant_access_token: HTTP " + raw.getStatusCode());
		}
		TenantAccessTokenResp answer;
		try {
			answer = Jsons.DEFAULT.fromJson(new String(raw.getBody(), StandardCharsets.UTF_8), TenantAccessTokenResp.class);
		}
		catch (JsonParseException e) {
			throw new PlatformException(Reason.UNAVAILABLE, null, "tenant_access_token: unreadable answer", null, e);
		}
		if (answer == null) {
			throw new PlatformException(Reason.UNAVAILABLE, null, "tenant_access_token: empty answer");
		}
		answer.setRawResponse(raw);
		if (Failures.rateLimited(answer)) {
			throw Failures.of("tenant_access_token", answer);
		}
		if (!answer.success()) {
			// 10003 (no such app / invalid param), 10014 (app secret invalid), …: the only inputs are id and secret
			throw new PlatformException(Reason.INVALID_CREDENTIALS, Integer.toString(answer.getCode()),
					"Feishu refused the app credentials: " + answer.getMsg());
		}
	}
}
