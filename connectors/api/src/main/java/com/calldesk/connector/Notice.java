package com.calldesk.connector;

import java.net.URI;

/** Something a user must see now, with a link back to the workbench. */
public record Notice(Kind kind, String title, String body, URI link) {

	public enum Kind {
		SCREEN_POP, MISSED_CALL, VOICEMAIL
	}
}
