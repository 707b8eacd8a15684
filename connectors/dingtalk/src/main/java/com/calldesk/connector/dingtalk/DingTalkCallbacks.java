package com.calldesk.connector.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * HTTP event pushes (事件订阅): {@code POST ?msg_signature=&timestamp=&nonce=} (older registrations spell
 * them {@code signature} and {@code timeStamp}) with {@code {"encrypt":"…"}}. Every push, the URL check
 * included, is answered with the encrypted word "success"; DingTalk retries a push that is not.
 */
final class DingTalkCallbacks implements Callbacks {

	static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

	static final String CHECK_URL = "check_url";

	static final String USER_LEFT = "user_leave_org";

	private static final String JSON = "application/json";

	private static final String NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DingTalkApp app;

	private final Clock clock;

	DingTalkCallbacks(DingTalkApp app, Clock clock) {
		this.app = app;
		this.clock = clock;
	}

	@Override
	public CallbackOutcome handle(CallbackRequest request) {
		if (!app.receivesCallbacks()) {
			throw rejected("no callback token and aes_key are configured for this tenant");
		}
		if (!"POST".equalsIgnoreCase(request.method())) {
			throw rejected("DingTalk pushes with POST");
		}
		String signature = param(request.query(), "msg_signature", "signature");
		String timestamp = param(request.query(), "timestamp", "timeStamp");
		String nonce = param(request.query(), "nonce");
		String encrypt = text(json(new String(request.body(), StandardCharsets.UTF_8)), "encrypt");
		if (signature == null || timestamp == null || nonce == null || encrypt == null) {
			throw rejected("signature, timestamp, nonce or encrypt is missing");
		}
		CallbackCrypto crypto = new CallbackCrypto(app.callbackToken(), app.callbackAesKey());
		if (!crypto.signedBy(signature, timestamp, nonce, encrypt)) {
			throw rejected("the signature does not match");
		}
		requireFresh(timestamp);
		CallbackCrypto.Opened opened = crypto.decrypt(encrypt, Set.of(app.appKey(), app.corpId()));
		JsonObject event = json(opened.message());
		if (event == null) {
			throw rejected("the decrypted message is not JSON");
		}
		String corpId = text(event, "CorpId");
		if (corpId != null && !corpId.equals(app.corpId())) {
			throw rejected("the event is about another organisation");
		}
		String reply = reply(crypto, opened.ownerKey());
		String type = text(event, "EventType");
		if (CHECK_URL.equals(type)) {
			return new CallbackOutcome(200, JSON, reply, null, List.of());
		}
		List<String> usersLeft = USER_LEFT.equals(type) ? strings(event.get("UserId")) : List.of();
		String eventId = text(event, "EventId");
		return new CallbackOutcome(200, JSON, reply, eventId != null ? eventId : hash(signature, timestamp, nonce),
				usersLeft);
	}

	/** DingTalk's timestamps are milliseconds; seconds are accepted too. */
	private void requireFresh(String timestamp) {
		long value;
		try {
			value = Long.parseLong(timestamp);
		}
		catch (NumberFormatException e) {
			throw rejected("the timestamp is not a number");
		}
		Instant sent = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
		if (Duration.between(sent, clock.instant()).abs().compareTo(REPLAY_WINDOW) > 0) {
			throw rejected("the timestamp is outside the replay window");
		}
	}

	/** The encrypted "success", sealed for the same owner key the push was sealed for. */
	private String reply(CallbackCrypto crypto, String ownerKey) {
		String timeStamp = Long.toString(clock.millis());
		String nonce = nonce();
		String encrypt = crypto.encrypt("success", ownerKey);
		JsonObject reply = new JsonObject();
		reply.addProperty("msg_signature", crypto.signature(timeStamp, nonce, encrypt));
		reply.addProperty("timeStamp", timeStamp);
		reply.addProperty("nonce", nonce);
		reply.addProperty("encrypt", encrypt);
		return reply.toString();
	}

	/** Legacy pushes carry no event id; the signed parameters identify a push and its retries alike. */
	static String hash(String signature, String timestamp, String nonce) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((signature + "\n" + timestamp + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
			return "dingtalk:" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static String nonce() {
		StringBuilder nonce = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			nonce.append(NONCE_ALPHABET.charAt(RANDOM.nextInt(NONCE_ALPHABET.length())));
		}
		return nonce.toString();
	}

	private static String param(Map<String, String> query, String... spellings) {
		for (String name : spellings) {
			String value = query.get(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static JsonObject json(String text) {
		try {
			JsonElement element = JsonParser.parseString(text);
			return element.isJsonObject() ? element.getAsJsonObject() : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	private static String text(JsonObject object, String field) {
		JsonElement value = object == null ? null : object.get(field);
		return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
	}

	private static List<String> strings(JsonElement value) {
		List<String> values = new ArrayList<>();
		if (value != null && value.isJsonArray()) {
			value.getAsJsonArray().forEach(element -> values.add(element.getAsString()));
		}
		else if (value != null && value.isJsonPrimitive()) {
			values.add(value.getAsString());
		}
		return values;
	}

	private static PlatformException rejected(String why) {
		return new PlatformException(Reason.REJECTED, null, "DingTalk callback refused: " + why);
	}
}
