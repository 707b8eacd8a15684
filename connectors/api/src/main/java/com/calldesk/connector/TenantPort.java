package com.calldesk.connector;

/** A platform as one tenant's app on it sees it. Every method may throw {@link PlatformException}. */
public interface TenantPort {

	/** A cheap call that proves the credentials (fetching an access token); run before credentials are saved. */
	void check();

	SignIn signIn();

	Directory directory();

	Messenger messenger();

	Callbacks callbacks();
}
