package com.calldesk.connector.feishu;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;
import com.calldesk.connector.TokenCache;
import com.lark.oapi.Client;
import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.httpclient.OkHttpTransport;
import com.lark.oapi.core.utils.OKHttps;

/** The Feishu port (飞书端); see the package documentation. Build one per process. */
public final class FeishuConnector implements PlatformConnector {

	public static final String PRODUCTION_OPEN_BASE = "https://open.feishu.cn";

	public static final String PRODUCTION_ACCOUNTS_BASE = "https://accounts.feishu.cn";

	static final long TIMEOUT_SECONDS = 5;

	private static final List<CredentialField> FIELDS = List.of(
			new CredentialField("appId", "应用 App ID", "App ID", false, true),
			new CredentialField("appSecret", "应用 App Secret", "App Secret", true, true),
			new CredentialField("tenantKey", "企业 tenant_key", "Organisation tenant_key", false, false),
			new CredentialField("verificationToken", "事件订阅 Verification Token", "Event Verification Token", true, false),
			new CredentialField("encryptKey", "事件订阅 Encrypt Key", "Event Encrypt Key", true, false));

	private final String openBase;

	private final String accountsBase;

	/** Shared by every tenant's client: see {@link LarkTokenCache}. */
	private final LarkTokenCache tokenCache;

	/** One connection pool for all tenants; the SDK's requestTimeout() would build an OkHttpClient per tenant. */
	private final IHttpTransport transport;

	private final Clock clock;

	public FeishuConnector(String openBase, String accountsBase, TokenCache tokens, Clock clock) {
		this.openBase = base(openBase, PRODUCTION_OPEN_BASE);
		this.accountsBase = base(accountsBase, PRODUCTION_ACCOUNTS_BASE);
		this.tokenCache = new LarkTokenCache(Objects.requireNonNull(tokens, "tokens"));
		this.clock = Objects.requireNonNull(clock, "clock");
		// a call timeout bounds connect, write and read together
		this.transport = new OkHttpTransport(OKHttps.create(TIMEOUT_SECONDS, TimeUnit.SECONDS));
	}

	@Override
	public Platform platform() {
		return Platform.FEISHU;
	}

	@Override
	public List<CredentialField> credentialFields() {
		return FIELDS;
	}

	@Override
	public TenantPort open(TenantRef tenant, Credentials credentials) {
		String appId = credentials.require("appId");
		if (!appId.startsWith("cli_")) {
			throw new PlatformException(Reason.INVALID_CREDENTIALS, "appId", "appId is the app's cli_… id");
		}
		String appSecret = credentials.require("appSecret");
		String tenantKey = credentials.optional("tenantKey");
		Client client = Client.newBuilder(appId, appSecret)
			.openBaseUrl(openBase)
			.tokenCache(tokenCache)
			.httpTransport(transport)
			// true would log request headers, Authorization: Bearer included, at DEBUG
			.logReqAtDebug(false)
			.build();
		FeishuApp app = new FeishuApp(appId, appSecret, client, tokenCache);
		FeishuCallbacks callbacks = new FeishuCallbacks(appId, credentials.optional("verificationToken"),
				credentials.optional("encryptKey"), tenantKey, clock);
		return new FeishuTenantPort(app, new FeishuSignIn(app, accountsBase, tenantKey), callbacks);
	}

	private static String base(String configured, String production) {
		String base = configured == null || configured.isBlank() ? production : configured.strip();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}
}
