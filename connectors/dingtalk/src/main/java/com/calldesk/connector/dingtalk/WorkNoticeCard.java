package com.calldesk.connector.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

import com.calldesk.connector.Notice;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request.ActionCard;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request.Msg;

/**
 * A notice as a work-notice action card: the title, one "**label**: value" line per notice line, and a
 * footer with the kind, the notice's short id and the time. DingTalk accepts the same content to the same
 * person only once a day, so the footer is what keeps two calls from the same customer apart. The button
 * opens the link in DingTalk's PC side panel (in the app webview on mobile), where sign-in is silent.
 */
final class WorkNoticeCard {

	static final String MSG_TYPE = "action_card";

	/** DingTalk's users read China time, whatever zone the server's clock has. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Map<Notice.Kind, String> KIND = Map.of(Notice.Kind.SCREEN_POP, "来电",
			Notice.Kind.MISSED_CALL, "未接来电", Notice.Kind.VOICEMAIL, "语音留言", Notice.Kind.CALLBACK_TASK, "回拨任务");

	private static final int SHORT_ID_MAX = 16;

	private final Clock clock;

	WorkNoticeCard(Clock clock) {
		this.clock = clock;
	}

	Msg render(Notice notice) {
		if (notice.link() == null) {
			throw new IllegalArgumentException("A DingTalk action card needs the notice's link");
		}
		ActionCard card = new ActionCard();
		card.setTitle(notice.title());
		card.setMarkdown(markdown(notice));
		card.setSingleTitle(notice.linkLabel() == null || notice.linkLabel().isBlank() ? "查看" : notice.linkLabel());
		card.setSingleUrl(inClient(notice.link().toString()));
		Msg msg = new Msg();
		msg.setMsgtype(MSG_TYPE);
		msg.setActionCard(card);
		return msg;
	}

	/** Markdown paragraphs ("\n\n"): DingTalk's renderer joins single line breaks. */
	String markdown(Notice notice) {
		StringBuilder text = new StringBuilder("### ").append(notice.title()).append("\n\n");
		for (Notice.Line line : notice.lines()) {
			text.append("**").append(line.label()).append("**: ").append(line.value()).append("\n\n");
		}
		return text.append("###### ")
			.append(KIND.get(notice.kind()))
			.append(" · #")
			.append(shortId(notice.id()))
			.append(" · ")
			.append(TIME.format(clock.instant().atZone(CHINA)))
			.toString();
	}

	/** Opens inside DingTalk: the PC client's side panel ({@code pc_slide=true}), the webview on mobile. */
	static String inClient(String link) {
		return "dingtalk://dingtalkclient/page/link?url=" + Urls.encode(link) + "&pc_slide=true";
	}

	/**
	 * The id itself when it is short; otherwise 8 hex digits of its SHA-256, since either end of a long
	 * id (a call number, a kind suffix) may be what two notices have in common.
	 */
	static String shortId(String id) {
		if (id.length() <= SHORT_ID_MAX) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
