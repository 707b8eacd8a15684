package com.calldesk.connector.wecom;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.calldesk.connector.TokenCache;

/** The WeCom (企业微信) port; see the package documentation. */
public final class WeComConnector implements PlatformConnector {

	public static final String PRODUCTION_BASE = "https://qyapi.weixin.qq.com";

	private static final List<CredentialField> FIELDS = List.of(
			new CredentialField(AppCredentials.CORP_ID, "企业 ID", "Corp ID", false, true),
			new CredentialField(AppCredentials.AGENT_ID, "应用 AgentId", "App AgentId", false, true),
			new CredentialField(AppCredentials.SECRET, "应用 Secret", "App Secret", true, true),
			new CredentialField(AppCredentials.CALLBACK_TOKEN, "接收消息 Token", "Callback Token", true, false),
			new CredentialField(AppCredentials.CALLBACK_AES_KEY, "接收消息 EncodingAESKey", "Callback EncodingAESKey",
					true, false));

	private final String apiBase;

	private final TokenCache tokens;

	private final Clock clock;

	/**
	 * @param apiBase the server API host, {@link #PRODUCTION_BASE} in production, a local stub in tests
	 * @param tokens where access tokens are shared by the nodes of the cluster
	 * @param clock the time callbacks' timestamps are checked against
	 */
	public WeComConnector(String apiBase, TokenCache tokens, Clock clock) {
		this.apiBase = stripTrailingSlash(Objects.requireNonNull(apiBase, "apiBase"));
		this.tokens = Objects.requireNonNull(tokens, "tokens");
		this.clock = Objects.requireNonNull(clock, "clock");
		SharedHttp.tuneOnce();
	}

	@Override
	public Platform platform() {
		return Platform.WECOM;
	}

	@Override
	public List<CredentialField> credentialFields() {
		return FIELDS;
	}

	@Override
	public TenantPort open(TenantRef tenant, Credentials credentials) {
		AppCredentials app = AppCredentials.from(credentials);
		return new WeComTenantPort(app, WeComService.open(app, apiBase, tokens), clock);
	}

	private static String stripTrailingSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}
}
