package com.calldesk.connector.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.PlatformException;

import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.constant.WxCpConsts;

/**
 * The app's 接收事件服务器. {@code GET ?msg_signature&timestamp&nonce&echostr} is the URL check, answered
 * with the decrypted echostr as bare text; {@code POST} with the same parameters carries an encrypted
 * event, answered {@code success}. A member's deletion (change_contact / delete_user) is reported as a
 * user who left. The sender is proved by the signature (the per-app token), the owner by the corpid in
 * both the envelope and the ciphertext, and freshness by the timestamp.
 */
final class WeComCallbacks implements Callbacks {

	static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

	private static final String TEXT = "text/plain; charset=utf-8";

	private final String corpId;

	private final CallbackCipher cipher;

	private final Clock clock;

	/** {@code cipher} is null when the tenant configured no callback token and key. */
	WeComCallbacks(String corpId, CallbackCipher cipher, Clock clock) {
		this.corpId = corpId;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	public CallbackOutcome handle(CallbackRequest request) {
		if (cipher == null) {
			throw CallbackCipher.rejected("no WeCom callback token and EncodingAESKey configured");
		}
		String signature = request.query().get("msg_signature");
		String timestamp = request.query().get("timestamp");
		String nonce = request.query().get("nonce");
		checkFresh(timestamp);
		if ("GET".equalsIgnoreCase(request.method())) {
			String echo = opened(signature, timestamp, nonce, request.query().get("echostr"));
			return new CallbackOutcome(200, TEXT, echo, null, List.of());
		}
		if (!"POST".equalsIgnoreCase(request.method())) {
			throw CallbackCipher.rejected("WeCom pushes by GET and POST only");
		}
		PushEnvelope envelope = PushEnvelope.parse(request.body());
		if (!corpId.equals(envelope.toUserName())) {
			throw CallbackCipher.rejected("callback addressed to another corp");
		}
		String message = opened(signature, timestamp, nonce, envelope.encrypt());
		WxCpXmlMessage event = parse(message, envelope.agentId());
		if (!corpId.equals(event.getToUserName())) {
			throw CallbackCipher.rejected("callback addressed to another corp");
		}
		return new CallbackOutcome(200, TEXT, "success", eventId(message), usersLeft(event));
	}

	private String opened(String signature, String timestamp, String nonce, String encrypted) {
		if (!cipher.signed(signature, timestamp, nonce, encrypted)) {
			throw CallbackCipher.rejected("callback signature does not match");
		}
		return cipher.open(encrypted);
	}

	private static WxCpXmlMessage parse(String message, String agentId) {
		try {
			return WxCpXmlMessage.fromXml(message, agentId);
		}
		catch (RuntimeException e) {
			// XStream's exceptions quote the input; the message is the tenant's data, not the log's
			throw CallbackCipher.rejected("callback message is not WeCom's XML");
		}
	}

	/** WeCom signs the timestamp, so an old push replayed as is falls outside the window. */
	private void checkFresh(String timestamp) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException e) {
			throw CallbackCipher.rejected("callback timestamp missing");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
		if (skew.compareTo(REPLAY_WINDOW) > 0) {
			throw CallbackCipher.rejected("callback timestamp outside the replay window");
		}
	}

	private static List<String> usersLeft(WxCpXmlMessage event) {
		boolean deleted = WxCpConsts.EventType.CHANGE_CONTACT.equals(event.getEvent())
				&& WxCpConsts.ContactChangeType.DELETE_USER.equals(event.getChangeType());
		return deleted && event.getUserId() != null ? List.of(event.getUserId()) : List.of();
	}

	/**
	 * WeCom's events carry no id (its docs say to dedupe them on FromUserName + CreateTime). The decrypted
	 * message is the same in each of WeCom's retries of one push, whether or not they are signed anew,
	 * while the signed parameters might not be, so its hash is the id.
	 */
	private static String eventId(String message) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
			return "wecom:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK has no SHA-256", e);
		}
	}
}
