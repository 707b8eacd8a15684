package com.calldesk.connector;

import java.util.Optional;

/** How users of a platform prove who they are. */
public interface SignIn {

	/** The platform's QR/OAuth page for signing in from a plain browser; empty when the port signs in with a form. */
	Optional<String> webLoginUrl(TenantRef tenant, String redirectUri, String state);

	/** The user behind a code the platform issued (in-client free login or the web redirect). */
	PlatformUser userForCode(TenantRef tenant, String code);
}
