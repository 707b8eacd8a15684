package com.calldesk.connector;

/** Puts a notice in front of one person inside the platform (DingTalk work notice, WeCom app message, Feishu card). */
public interface Messenger {

	/**
	 * Sends it, or says why not: never throws for what the platform answered, only for what the caller
	 * got wrong. {@link Notice#link()} is the app's own sign-in page for this platform with the target
	 * page after it; the connector wraps it so it opens inside its client (DingTalk's page link, WeCom's
	 * OAuth2 redirect, Feishu's applink) and the person arrives signed in.
	 */
	SendResult send(String platformUserId, Notice notice);
}
