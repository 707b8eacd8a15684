package com.calldesk.connector.dingtalk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TokenCache;
import com.dingtalk.api.request.OapiGettokenRequest;
import com.dingtalk.api.response.OapiGettokenResponse;

/**
 * The corp access token (legacy {@code GET /gettoken}, 7200 s). Neither DingTalk SDK caches it, so it
 * lives in the shared {@link TokenCache}, kept 5 minutes less than DingTalk grants, and fetched by one
 * thread per app in this process at a time.
 */
final class CorpTokens {

	private static final Logger log = LoggerFactory.getLogger(CorpTokens.class);

	static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

	private static final Duration MINIMUM_TTL = Duration.ofMinutes(1);

	private final String oapiBase;

	private final TokenCache cache;

	private final ConcurrentMap<String, Object> fetching = new ConcurrentHashMap<>();

	CorpTokens(String oapiBase, TokenCache cache) {
		this.oapiBase = oapiBase;
		this.cache = cache;
	}

	String token(DingTalkApp app) {
		String key = key(app);
		return cache.get(key).orElseGet(() -> {
			synchronized (fetching.computeIfAbsent(key, k -> new Object())) {
				return cache.get(key).orElseGet(() -> fetch(app));
			}
		});
	}

	/** Drops {@code failed} unless another thread already replaced it with a fresh token. */
	void evict(DingTalkApp app, String failed) {
		String key = key(app);
		synchronized (fetching.computeIfAbsent(key, k -> new Object())) {
			if (cache.get(key).map(current -> Objects.equals(current, failed)).orElse(false)) {
				cache.evict(key);
			}
		}
	}

	/** Always asks DingTalk, so a wrong secret is noticed even while an older token is still cached. */
	String fetch(DingTalkApp app) {
		OapiGettokenRequest request = new OapiGettokenRequest();
		request.setAppkey(app.appKey());
		request.setAppsecret(app.appSecret());
		request.setHttpMethod("GET");
		OapiGettokenResponse response = Oapi.execute(oapiBase + "/gettoken", request, null);
		OapiError error = OapiError.of(response);
		if (error != null) {
			throw refusal(error);
		}
		long expiresIn = response.getExpiresIn() == null ? 7200 : response.getExpiresIn();
		Duration ttl = Duration.ofSeconds(expiresIn).minus(EARLY_REFRESH);
		cache.put(key(app), response.getAccessToken(), ttl.compareTo(MINIMUM_TTL) < 0 ? MINIMUM_TTL : ttl);
		log.debug("Fetched the DingTalk corp token of app {} (valid {} s)", app.appKey(), expiresIn);
		return response.getAccessToken();
	}

	/**
	 * /gettoken takes nothing but the app key and secret, so any refusal that is not about load or the
	 * server's IP (40089 不合法的appkey/appsecret, 40001, 40013, 40095 …) means the credentials are wrong.
	 */
	private static PlatformException refusal(OapiError error) {
		if (error.retryable() || OapiError.IP_NOT_WHITELISTED.equals(error.code())) {
			return error.toException("gettoken");
		}
		return error.toException("gettoken", Reason.INVALID_CREDENTIALS);
	}

	static String key(DingTalkApp app) {
		return "dingtalk:corp-token:" + app.corpId() + ":" + app.appKey();
	}
}
