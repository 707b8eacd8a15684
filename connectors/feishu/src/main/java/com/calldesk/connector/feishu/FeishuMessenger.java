package com.calldesk.connector.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.calldesk.connector.Messenger;
import com.calldesk.connector.Notice;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.SendResult;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;

/** A notice as an interactive card from the app's bot, in the person's chat with the bot. */
final class FeishuMessenger implements Messenger {

	/** "Bot has NO availability to this user": outside the app's 可用范围, or the bot capability is off. */
	static final int BOT_NOT_AVAILABLE = 230013;

	/** Feishu's limit for the idempotency key. */
	static final int MAX_UUID = 50;

	private final FeishuApp app;

	FeishuMessenger(FeishuApp app) {
		this.app = app;
	}

	@Override
	public SendResult send(String platformUserId, Notice notice) {
		if (platformUserId == null || platformUserId.isBlank()) {
			throw new IllegalArgumentException("no Feishu user to send to");
		}
		CreateMessageReq request = CreateMessageReq.newBuilder()
			.receiveIdType(idType(platformUserId))
			.createMessageReqBody(CreateMessageReqBody.newBuilder()
				.receiveId(platformUserId)
				.msgType("interactive")
				.content(NoticeCard.json(notice))
				// Feishu delivers one message per uuid within an hour, so a retried notice cannot pop twice
				.uuid(notice.id() == null ? null : uuid(notice.id()))
				.build())
			.build();
		CreateMessageResp answer;
		try {
			answer = app.call("im/messages", c -> c.im().message().create(request));
		}
		catch (PlatformException e) {
			return switch (e.reason()) {
				case UNAVAILABLE -> SendResult.failed(true, e.getMessage());
				case RATE_LIMITED -> SendResult.limited(e.retryAfter(), e.getMessage());
				default -> SendResult.failed(false, e.getMessage());
			};
		}
		if (answer.success()) {
			return SendResult.delivered(answer.getData() == null ? null : answer.getData().getMessageId());
		}
		String error = answer.getCode() + " " + answer.getMsg();
		if (Failures.rateLimited(answer)) {
			return SendResult.limited(Failures.retryAfter(answer.getRawResponse()), error);
		}
		if (Failures.status(answer) >= 500) {
			return SendResult.failed(true, error);
		}
		if (answer.getCode() == BOT_NOT_AVAILABLE) {
			return SendResult.failed(false, error + " (outside the app's 可用范围, or the bot capability is off)");
		}
		// unknown ids, missing scopes: no retry will change that
		return SendResult.failed(false, error);
	}

	/** Ids from sign-in and the directory are user_ids; without the user_id scope they are open_ids (ou_…). */
	static String idType(String platformUserId) {
		return platformUserId.startsWith("ou_") ? "open_id" : "user_id";
	}

	static String uuid(String noticeId) {
		if (noticeId.length() <= MAX_UUID) {
			return noticeId;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(noticeId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, MAX_UUID);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
