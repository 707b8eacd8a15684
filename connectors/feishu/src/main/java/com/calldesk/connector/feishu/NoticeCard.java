package com.calldesk.connector.feishu;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.calldesk.connector.Notice;
import com.lark.oapi.card.enums.MessageCardButtonTypeEnum;
import com.lark.oapi.card.enums.MessageCardHeaderTemplateEnum;
import com.lark.oapi.card.model.IMessageCardActionElement;
import com.lark.oapi.card.model.MessageCard;
import com.lark.oapi.card.model.MessageCardAction;
import com.lark.oapi.card.model.MessageCardConfig;
import com.lark.oapi.card.model.MessageCardDiv;
import com.lark.oapi.card.model.MessageCardElement;
import com.lark.oapi.card.model.MessageCardEmbedButton;
import com.lark.oapi.card.model.MessageCardHeader;
import com.lark.oapi.card.model.MessageCardLarkMd;
import com.lark.oapi.card.model.MessageCardPlainText;
import com.lark.oapi.card.model.MessageCardURL;

/**
 * A notice as a message card: the title in the coloured header, one lark_md line per labelled value and
 * one button that opens the link in Feishu's side panel.
 */
final class NoticeCard {

	/** Opens any https page in the client's own webview (the side panel), so the agent stays in Feishu. */
	static final String IN_CLIENT = "https://applink.feishu.cn/client/web_url/open?mode=sidebar-semi&url=";

	private static final String DEFAULT_LINK_LABEL = "打开";

	private NoticeCard() {
	}

	static String json(Notice notice) {
		List<MessageCardElement> elements = new ArrayList<>();
		for (Notice.Line line : notice.lines()) {
			String text = "**" + escape(line.label()) + "**: " + escape(line.value());
			elements.add(MessageCardDiv.newBuilder().text(MessageCardLarkMd.newBuilder().content(text).build()).build());
		}
		if (notice.link() != null) {
			elements.add(button(notice));
		}
		return MessageCard.newBuilder()
			// a screen pop carries a caller's number: not for forwarding
			.config(MessageCardConfig.newBuilder().wideScreenMode(true).enableForward(false).build())
			.header(MessageCardHeader.newBuilder()
				.template(colour(notice.kind()))
				.title(MessageCardPlainText.newBuilder().content(notice.title()).build())
				.build())
			.elements(elements.toArray(MessageCardElement[]::new))
			.build()
			.String();
	}

	static String inClient(URI link) {
		return IN_CLIENT + URLEncoder.encode(link.toString(), StandardCharsets.UTF_8);
	}

	private static MessageCardElement button(Notice notice) {
		String url = inClient(notice.link());
		String label = notice.linkLabel() == null || notice.linkLabel().isBlank() ? DEFAULT_LINK_LABEL : notice.linkLabel();
		MessageCardEmbedButton button = MessageCardEmbedButton.newBuilder()
			.buttonType(MessageCardButtonTypeEnum.PRIMARY)
			.text(MessageCardPlainText.newBuilder().content(label).build())
			.multiUrl(MessageCardURL.newBuilder().url(url).pcUrl(url).androidUrl(url).iosUrl(url).build())
			.build();
		return MessageCardAction.newBuilder().actions(new IMessageCardActionElement[] { button }).build();
	}

	private static MessageCardHeaderTemplateEnum colour(Notice.Kind kind) {
		return switch (kind) {
			case SCREEN_POP -> MessageCardHeaderTemplateEnum.BLUE;
			case MISSED_CALL -> MessageCardHeaderTemplateEnum.RED;
			case VOICEMAIL -> MessageCardHeaderTemplateEnum.ORANGE;
			case CALLBACK_TASK -> MessageCardHeaderTemplateEnum.TURQUOISE;
		};
	}

	/**
	 * A caller's name is data, not markup: lark_md reads {@code * _ ~ ` < > [ ]} as formatting, and takes HTML
	 * character references for them.
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '*', '_', '~', '`', '<', '>', '[', ']' -> out.append("&#").append((int) c).append(';');
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
