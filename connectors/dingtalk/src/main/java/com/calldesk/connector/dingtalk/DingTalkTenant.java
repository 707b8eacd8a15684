package com.calldesk.connector.dingtalk;

import java.time.Clock;

import com.calldesk.connector.Callbacks;
import com.calldesk.connector.Directory;
import com.calldesk.connector.Messenger;
import com.calldesk.connector.SignIn;
import com.calldesk.connector.TenantPort;

/** DingTalk as one tenant's app sees it. The directory is kept so a listing can reuse its department walk. */
final class DingTalkTenant implements TenantPort {

	private final DingTalkApp app;

	private final CorpTokens tokens;

	private final SignIn signIn;

	private final Directory directory;

	private final Messenger messenger;

	private final Callbacks callbacks;

	DingTalkTenant(DingTalkApp app, DingTalkConnector.Endpoints endpoints, CorpTokens tokens, OpenApi openApi,
			Clock clock) {
		Oapi oapi = new Oapi(endpoints.oapiBase(), tokens);
		this.app = app;
		this.tokens = tokens;
		this.signIn = new DingTalkSignIn(app, oapi, openApi, endpoints.loginBase());
		this.directory = new DingTalkDirectory(app, oapi, clock);
		this.messenger = new DingTalkMessenger(app, oapi, new WorkNoticeCard(clock));
		this.callbacks = new DingTalkCallbacks(app, clock);
	}

	/** Fetches a fresh corp token even when one is cached: a changed secret must fail here. */
	@Override
	public void check() {
		tokens.fetch(app);
	}

	@Override
	public SignIn signIn() {
		return signIn;
	}

	@Override
	public Directory directory() {
		return directory;
	}

	@Override
	public Messenger messenger() {
		return messenger;
	}

	@Override
	public Callbacks callbacks() {
		return callbacks;
	}
}
