package com.calldesk.connector.wecom;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.calldesk.connector.Notice;

/**
 * A notice as WeCom's textcard: its description is a little HTML (only {@code <div class="gray|normal|highlight">})
 * of at most 512 bytes, so lines are added while they fit and the first that does not is cut short.
 */
record TextCard(String title, String description, String button) {

	static final int DESCRIPTION_BYTES = 512;

	static final int TITLE_BYTES = 128;

	/** WeCom shows at most four characters on the button and truncates itself; this is its default. */
	static final String DEFAULT_BUTTON = "详情";

	private static final String ELLIPSIS = "…";

	private static final Map<Notice.Kind, String> KIND_LABELS = Map.of(Notice.Kind.SCREEN_POP, "来电",
			Notice.Kind.MISSED_CALL, "未接来电", Notice.Kind.VOICEMAIL, "语音留言", Notice.Kind.CALLBACK_TASK, "回拨任务");

	static TextCard of(Notice notice) {
		StringBuilder description = new StringBuilder(div("highlight", KIND_LABELS.get(notice.kind())));
		for (Notice.Line line : notice.lines()) {
			String label = div("gray", line.label());
			String whole = label + div("normal", line.value());
			if (fits(description, whole)) {
				description.append(whole);
				continue;
			}
			String prefix = cutToFit(line.value(), room(description, label + div("normal", ELLIPSIS)));
			if (!prefix.isEmpty()) {
				description.append(label).append(div("normal", prefix + ELLIPSIS));
			}
			break;
		}
		String button = notice.linkLabel() == null || notice.linkLabel().isBlank() ? DEFAULT_BUTTON : notice.linkLabel();
		return new TextCard(cutTitle(notice.title()), description.toString(), button);
	}

	private static String cutTitle(String title) {
		String text = title == null ? "" : title;
		if (bytes(text) <= TITLE_BYTES) {
			return text;
		}
		return cutToFit(text, TITLE_BYTES - bytes(ELLIPSIS)) + ELLIPSIS;
	}

	private static String div(String style, String text) {
		return "<div class=\"" + style + "\">" + escape(text == null ? "" : text) + "</div>";
	}

	/** The description is HTML: a caller's name with {@code <} in it must not open a tag. */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static boolean fits(CharSequence description, String more) {
		return bytes(description) + bytes(more) <= DESCRIPTION_BYTES;
	}

	private static int room(CharSequence description, String frame) {
		return DESCRIPTION_BYTES - bytes(description) - bytes(frame);
	}

	/** The longest prefix, by whole code points, whose escaped UTF-8 form takes at most {@code budget} bytes. */
	private static String cutToFit(String text, int budget) {
		if (text == null || budget <= 0) {
			return "";
		}
		int end = 0;
		while (end < text.length()) {
			int next = text.offsetByCodePoints(end, 1);
			if (bytes(escape(text.substring(0, next))) > budget) {
				break;
			}
			end = next;
		}
		return text.substring(0, end);
	}

	private static int bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}
}
