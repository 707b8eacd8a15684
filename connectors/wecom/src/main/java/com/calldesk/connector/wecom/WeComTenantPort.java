package com.calldesk.connector.wecom;

import java.time.Clock;

import com.calldesk.connector.Callbacks;
import com.calldesk.connector.Directory;
import com.calldesk.connector.Messenger;
import com.calldesk.connector.SignIn;
import com.calldesk.connector.TenantPort;

/** WeCom as one tenant's self-built app sees it: one WxJava service behind every part. */
final class WeComTenantPort implements TenantPort {

	private final WeComService service;

	private final SignIn signIn;

	private final Directory directory;

	private final Messenger messenger;

	private final Callbacks callbacks;

	WeComTenantPort(AppCredentials app, WeComService service, Clock clock) {
		this.service = service;
		AuthorizeLinks links = new AuthorizeLinks(app.corpId(), app.agentId());
		this.signIn = new WeComSignIn(service, links);
		this.directory = new WeComDirectory(service);
		this.messenger = new WeComMessenger(service, links);
		CallbackCipher cipher = app.receivesCallbacks()
				? new CallbackCipher(app.callbackToken(), app.callbackAesKey(), app.corpId()) : null;
		this.callbacks = new WeComCallbacks(app.corpId(), cipher, clock);
	}

	/**
	 * Fetches a token even when one is cached: credentials about to be saved must prove themselves, and
	 * the cached token may come from the previous secret. gettoken checks corpid and secret only, not
	 * the agentid.
	 */
	@Override
	public void check() {
		Failures.call(() -> service.getAccessToken(true));
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
