package com.calldesk.connector;

import java.net.URI;
import java.util.Optional;

/** How users of a platform prove who they are, inside its client and from an ordinary browser. */
public interface SignIn {

	/**
	 * Where to send a browser inside the platform's client when the client signs in by redirect (WeCom's
	 * OAuth2); empty when the page asks the platform's JS API for a code instead (DingTalk, Feishu).
	 */
	Optional<URI> inClientRedirect(String redirectUri, String state);

	/** The platform's QR/OAuth page for signing in from an ordinary browser; it comes back with a code. */
	Optional<URI> webLogin(String redirectUri, String state);

	/** The user behind a code issued inside the client; refuses ({@code FOREIGN_USER}) a user of another organisation. */
	PlatformUser userForClientCode(String code);

	/** The user behind the code the web login came back with. */
	PlatformUser userForWebCode(String code, String redirectUri);
}
