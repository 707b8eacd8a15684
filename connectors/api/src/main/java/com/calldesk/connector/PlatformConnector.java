package com.calldesk.connector;

/** One platform port. The application picks the connector of a tenant's platform. */
public interface PlatformConnector {

	Platform platform();

	SignIn signIn();

	Directory directory();

	Messenger messenger();
}
