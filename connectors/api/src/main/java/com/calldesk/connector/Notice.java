package com.calldesk.connector;

import java.net.URI;
import java.util.List;

/**
 * Something a person must see now. {@code id} is unique per call and kind, so a platform that
 * deduplicates (Feishu's uuid) or drops repeated content (DingTalk) sees each notice as new exactly once.
 */
public record Notice(String id, Kind kind, String title, List<Line> lines, URI link, String linkLabel) {

	public Notice {
		lines = List.copyOf(lines);
	}

	public enum Kind {
		SCREEN_POP, MISSED_CALL, VOICEMAIL, CALLBACK_TASK
	}

	/** One labelled line of the notice, e.g. 客户: 李四. */
	public record Line(String label, String value) {
	}
}
