package com.calldesk.connector.wecom;

import java.time.Duration;

import com.calldesk.connector.TokenCache;

import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * WxJava's per-app configuration with the access token kept in the application's {@link TokenCache}
 * rather than in this object, so the nodes of a cluster share one token per app. WxJava asks
 * {@link #isAccessTokenExpired()} before every call, stores what {@code gettoken} returned through
 * {@link #updateAccessToken(String, int)} and calls {@link #expireAccessToken()} on 40001/40014/42001.
 */
final class TokenCacheConfig extends WxCpDefaultConfigImpl {

	private static final long serialVersionUID = 1L;

	/** WeCom's tokens last 7200 s; dropping ours five minutes early keeps a token from expiring mid-call. */
	private static final Duration EARLY = Duration.ofMinutes(5);

	private final transient TokenCache tokens;

	private final String key;

	TokenCacheConfig(TokenCache tokens, String key) {
		this.tokens = tokens;
		this.key = key;
	}

	/**
	 * Null when the token expired between the SDK's expiry check and this read: the call then fails with
	 * 40014, which makes the SDK evict, fetch a token and retry once.
	 */
	@Override
	public String getAccessToken() {
		return tokens.get(key).orElse(null);
	}

	@Override
	public boolean isAccessTokenExpired() {
		return tokens.get(key).isEmpty();
	}

	@Override
	public void expireAccessToken() {
		tokens.evict(key);
	}

	@Override
	public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
		Duration lifetime = Duration.ofSeconds(expiresInSeconds);
		Duration ttl = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2);
		tokens.put(key, accessToken, ttl);
	}

	/** The SDK's own toString serialises every field, the secret included. */
	@Override
	public String toString() {
		return "WeComConfig[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
	}
}
