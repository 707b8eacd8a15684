package com.calldesk.connector.dingtalk;

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
import com.taobao.api.internal.util.TaobaoLogger;
import com.taobao.api.internal.util.WebV2Utils;

/** The DingTalk port (钉钉端); see the package documentation. */
public final class DingTalkConnector implements PlatformConnector {

	static {
		// The legacy SDK trusts every certificate and host name unless told otherwise, process-wide.
		WebV2Utils.setIgnoreSSLCheck(false);
		WebV2Utils.setIgnoreHostCheck(false);
		// Its error log line carries every request parameter: access_token, and appsecret for /gettoken.
		TaobaoLogger.setNeedEnableLogger(false);
	}

	/**
	 * Where DingTalk is: the legacy topapi base URL, the new API's host[:port] and protocol, and the
	 * browser login page's base URL. Tests point them at a local stub.
	 */
	public record Endpoints(String oapiBase, String apiEndpoint, String apiProtocol, String loginBase) {

		public static final Endpoints PRODUCTION = new Endpoints("https://oapi.dingtalk.com", "api.dingtalk.com", "https",
				"https://login.dingtalk.com");

		public Endpoints {
			oapiBase = withoutTrailingSlash(Objects.requireNonNull(oapiBase, "oapiBase"));
			Objects.requireNonNull(apiEndpoint, "apiEndpoint");
			Objects.requireNonNull(apiProtocol, "apiProtocol");
			loginBase = withoutTrailingSlash(Objects.requireNonNull(loginBase, "loginBase"));
		}

		private static String withoutTrailingSlash(String url) {
			return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		}
	}

	private final Endpoints endpoints;

	private final CorpTokens tokens;

	private final OpenApi openApi;

	private final Clock clock;

	public DingTalkConnector(Endpoints endpoints, TokenCache tokens, Clock clock) {
		this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
		this.tokens = new CorpTokens(endpoints.oapiBase(), Objects.requireNonNull(tokens, "tokens"));
		this.openApi = new OpenApi(endpoints.apiEndpoint(), endpoints.apiProtocol());
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Platform platform() {
		return Platform.DINGTALK;
	}

	@Override
	public List<CredentialField> credentialFields() {
		return DingTalkApp.FIELDS;
	}

	@Override
	public TenantPort open(TenantRef tenant, Credentials credentials) {
		return new DingTalkTenant(DingTalkApp.from(credentials), endpoints, tokens, openApi, clock);
	}
}
