package com.calldesk.connector.feishu;

import com.calldesk.connector.Callbacks;
import com.calldesk.connector.Directory;
import com.calldesk.connector.Messenger;
import com.calldesk.connector.SignIn;
import com.calldesk.connector.TenantPort;

/** One tenant's Feishu app, its parts built once when the port is opened. */
final class FeishuTenantPort implements TenantPort {

	private final FeishuApp app;

	private final SignIn signIn;

	private final Directory directory;

	private final Messenger messenger;

	private final Callbacks callbacks;

	FeishuTenantPort(FeishuApp app, SignIn signIn, Callbacks callbacks) {
		this.app = app;
		this.signIn = signIn;
		this.directory = new FeishuDirectory(app);
		this.messenger = new FeishuMessenger(app);
		this.callbacks = callbacks;
	}

	@Override
	public void check() {
		app.check();
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
