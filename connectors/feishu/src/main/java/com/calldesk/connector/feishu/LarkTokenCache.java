package com.calldesk.connector.feishu;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.calldesk.connector.TokenCache;
import com.lark.oapi.core.cache.ICache;

/**
 * The SDK's token cache, kept in the application's {@link TokenCache}. One instance serves every tenant:
 * {@code Client.Builder.build()} replaces the process-global token manager with one over the builder's
 * cache, so a tenant built with another cache would redirect everybody's tokens there.
 */
final class LarkTokenCache implements ICache {

	/** Namespaces the SDK's keys ({@code tenant_access_token-<appId>-…}, {@code app_access_token-<appId>}). */
	private static final String PREFIX = "feishu:";

	private final TokenCache tokens;

	LarkTokenCache(TokenCache tokens) {
		this.tokens = tokens;
	}

	@Override
	public String get(String key) {
		return tokens.get(PREFIX + key).orElse("");
	}

	/** {@code expire} already is the platform's expiry less three minutes (the SDK's own margin). */
	@Override
	public void set(String key, String value, int expire, TimeUnit unit) {
		long seconds = unit.toSeconds(expire);
		if (seconds > 0) {
			tokens.put(PREFIX + key, value, Duration.ofSeconds(seconds));
		}
	}

	/**
	 * Forgets the app's tokens after Feishu called one invalid (99991663/99991664): the SDK never does.
	 * The SDK appends the request's tenant key to the tenant token key; a self-built app sends none, which
	 * it formats as {@code null} (and as empty in older releases), so both spellings go.
	 */
	void evict(String appId) {
		tokens.evict(PREFIX + "app_access_token-" + appId);
		tokens.evict(PREFIX + "tenant_access_token-" + appId + "-null");
		tokens.evict(PREFIX + "tenant_access_token-" + appId + "-");
	}
}
