package com.calldesk.connector.wecom;

import java.util.Arrays;
import java.util.Objects;

import com.calldesk.connector.Messenger;
import com.calldesk.connector.Notice;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.SendResult;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;

/**
 * Notices as app messages (应用消息) of type textcard. The card's link is the notice's link wrapped in
 * WeCom's OAuth2 redirect, so the click opens in WeCom's webview and the app's sign-in page receives a
 * code: the agent arrives signed in. The response is read raw because WxJava 4.6.0's result type has no
 * {@code unlicenseduser}.
 */
final class WeComMessenger implements Messenger {

	/** WeCom's state: at most 128 bytes of [a-zA-Z0-9]. */
	private static final int STATE_LENGTH = 128;

	private final WeComService service;

	private final AuthorizeLinks links;

	WeComMessenger(WeComService service, AuthorizeLinks links) {
		this.service = service;
		this.links = links;
	}

	@Override
	public SendResult send(String platformUserId, Notice notice) {
		Objects.requireNonNull(notice, "notice");
		if (platformUserId == null || platformUserId.isBlank() || platformUserId.contains("|")) {
			// '|' separates recipients in touser: one such id would message several people
			throw new IllegalArgumentException("not a WeCom userid: " + platformUserId);
		}
		if (notice.link() == null) {
			throw new IllegalArgumentException("a WeCom textcard needs a link");
		}
		TextCard card = TextCard.of(notice);
		WxCpMessage message = WxCpMessage.TEXTCARD()
			.agentId(service.agentId())
			.toUser(platformUserId)
			.title(card.title())
			.description(card.description())
			.url(links.oauth2(notice.link().toString(), state(notice)).toString())
			.btnTxt(card.button())
			.build();
		try {
			String answer = service.post(service.apiUrl("/cgi-bin/message/send"), message.toJson());
			return outcome(JsonParser.parseString(answer).getAsJsonObject(), platformUserId);
		}
		catch (WxErrorException e) {
			return refused(Failures.of(e));
		}
		catch (WxRuntimeException | JsonParseException e) {
			return SendResult.failed(true, Failures.unavailable(e).getMessage());
		}
		catch (PlatformException e) {
			return refused(e);
		}
	}

	/** errcode 0 still lists the recipients WeCom did not deliver to. */
	private static SendResult outcome(JsonObject answer, String userId) {
		if (lists(answer, "invaliduser", userId)) {
			return SendResult.failed(false, "WeCom: " + userId + " is not a member the app may message (invaliduser)");
		}
		if (lists(answer, "unlicenseduser", userId)) {
			return SendResult.failed(false, "WeCom: " + userId + " has no interface licence (unlicenseduser)");
		}
		JsonElement id = answer.get("msgid");
		return SendResult.delivered(id == null || id.isJsonNull() ? null : id.getAsString());
	}

	/**
	 * Only limits (45009/45033), busy (-1) and no answer are worth another try; 81013 (every recipient
	 * invalid: not a member, or outside the app's visible range) and the rest are not.
	 */
	private static SendResult refused(PlatformException e) {
		int code = parse(e.platformCode());
		if (Failures.LIMITS.contains(code)) {
			// WeCom gives no hint when to come back
			return SendResult.limited(null, e.getMessage());
		}
		boolean retry = code == Failures.SYSTEM_BUSY || e.reason() == PlatformException.Reason.UNAVAILABLE;
		return SendResult.failed(retry, e.getMessage());
	}

	private static boolean lists(JsonObject answer, String field, String userId) {
		JsonElement value = answer.get(field);
		return value != null && value.isJsonPrimitive() && Arrays.asList(value.getAsString().split("\\|")).contains(userId);
	}

	/** The notice id, reduced to what WeCom lets through, tells the sign-in page which notice was opened. */
	private static String state(Notice notice) {
		String state = notice.id() == null ? "" : notice.id().replaceAll("[^A-Za-z0-9]", "");
		return state.length() > STATE_LENGTH ? state.substring(0, STATE_LENGTH) : state;
	}

	private static int parse(String code) {
		try {
			return code == null ? 0 : Integer.parseInt(code);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
