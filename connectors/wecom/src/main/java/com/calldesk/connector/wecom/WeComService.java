package com.calldesk.connector.wecom;

import java.io.IOException;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TokenCache;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;

/**
 * WxJava's default service for one tenant's app, with two changes. The call step that appends the
 * access token no longer logs: WxJava's own logs the URL with {@code access_token=} at WARN on every
 * API error and at DEBUG on every call. And URLs the HTTP client rejects no longer surface as an
 * exception whose message quotes them, token or secret included.
 */
final class WeComService extends WxCpServiceImpl {

	static WeComService open(AppCredentials app, String apiBase, TokenCache tokens) {
		TokenCacheConfig config = new TokenCacheConfig(tokens, app.tokenKey());
		config.setCorpId(app.corpId());
		config.setAgentId(app.agentId());
		config.setCorpSecret(app.secret());
		config.setBaseApiUrl(apiBase);
		WeComService service = new WeComService();
		service.setWxCpConfigStorage(config);
		// WxJava retries errcode -1 five times, sleeping 1 s doubling (31 s); a screen pop that late is useless
		service.setMaxRetryTimes(1);
		service.setRetrySleepMillis(100);
		return service;
	}

	String apiUrl(String path) {
		return getWxCpConfigStorage().getApiUrl(path);
	}

	int agentId() {
		return getWxCpConfigStorage().getAgentId();
	}

	@Override
	public String getAccessToken(boolean forceRefresh) throws WxErrorException {
		try {
			return super.getAccessToken(forceRefresh);
		}
		catch (IllegalArgumentException e) {
			throw new PlatformException(Reason.INVALID_CREDENTIALS, "invalid",
					"corpId or secret holds characters a URL cannot carry");
		}
	}

	/** Same contract as WxJava's: a token error evicts the token and retries once with a fresh one. */
	@Override
	protected <T, E> T executeInternal(RequestExecutor<T, E> executor, String uri, E data, boolean doNotAutoRefresh)
			throws WxErrorException {
		String withToken = uri + (uri.contains("?") ? "&" : "?") + "access_token=" + getAccessToken(false);
		try {
			return executor.execute(withToken, data, WxType.CP);
		}
		catch (WxErrorException e) {
			if (WxConsts.ACCESS_TOKEN_ERROR_CODES.contains(e.getError().getErrorCode())) {
				getWxCpConfigStorage().expireAccessToken();
				if (!doNotAutoRefresh) {
					return executeInternal(executor, uri, data, true);
				}
			}
			throw e;
		}
		catch (IOException e) {
			throw new WxRuntimeException(e);
		}
		catch (IllegalArgumentException e) {
			throw new WxRuntimeException("WeCom request URL rejected by the HTTP client");
		}
	}
}
