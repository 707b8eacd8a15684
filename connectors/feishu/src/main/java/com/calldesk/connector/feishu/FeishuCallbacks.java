package com.calldesk.connector.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.contact.ContactService;
import com.lark.oapi.service.contact.v3.model.P2UserDeletedV3;
import com.lark.oapi.service.contact.v3.model.UserEvent;

/**
 * Event subscription pushes, verified and decrypted by the SDK's {@link EventDispatcher}, with what the
 * dispatcher leaves out: it checks the signature only when an Encrypt Key is set (so one is required
 * here), never the timestamp (checked here against the Clock), and the verification token only for the
 * URL check (checked here for events too, with the app id and tenant key in the event header).
 */
final class FeishuCallbacks implements Callbacks {

	static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

	private static final String JSON = "application/json; charset=utf-8";

	private final String appId;

	private final String verificationToken;

	private final String tenantKey;

	private final Clock clock;

	/** Null without an Encrypt Key: every push is refused then. */
	private final EventDispatcher dispatcher;

	FeishuCallbacks(String appId, String verificationToken, String encryptKey, String tenantKey, Clock clock) {
		this.appId = appId;
		this.verificationToken = verificationToken;
		this.tenantKey = tenantKey;
		this.clock = clock;
		// the dispatcher needs a token; without one configured, handle() refuses the URL check itself
		this.dispatcher = encryptKey == null ? null
				: EventDispatcher.newBuilder(verificationToken == null ? "" : verificationToken, encryptKey)
					.onP2UserDeletedV3(new UserLeft())
					.build();
	}

	/** The push as the SDK reads it, and what the handler found in it (the dispatcher is shared by threads). */
	private static final class Push extends EventReq {

		private final List<String> usersLeft = new ArrayList<>();
	}

	/** Runs inside {@link EventDispatcher#handle} after the signature and decryption checked out. */
	private static final class UserLeft extends ContactService.P2UserDeletedV3Handler {

		@Override
		public void handle(P2UserDeletedV3 event) {
			UserEvent user = event.getEvent() == null ? null : event.getEvent().getObject();
			if (user == null || !(event.getEventReq() instanceof Push push)) {
				return;
			}
			String id = present(user.getUserId()) ? user.getUserId() : user.getOpenId();
			if (present(id)) {
				push.usersLeft.add(id);
			}
		}
	}

	@Override
	public CallbackOutcome handle(CallbackRequest request) {
		if (dispatcher == null) {
			throw rejected("no Encrypt Key configured: Feishu pushes would be authenticated by nothing");
		}
		String timestamp = request.header("x-lark-request-timestamp");
		if (timestamp != null) {
			requireFresh(timestamp);
		}
		Push push = new Push();
		push.setHeaders(request.headers());
		push.setBody(request.body());
		push.setHttpPath(request.path());
		EventResp answer = dispatch(push);
		if (answer.getStatusCode() != 200 || push.getPlain() == null) {
			// the dispatcher answers 500 for a bad signature, an undecryptable body or a wrong URL-check token
			throw rejected("signature, encryption or verification token did not check out");
		}
		JsonObject plain = parse(push.getPlain());
		if ("url_verification".equals(text(plain, "type"))) {
			if (verificationToken == null) {
				// the dispatcher compared the push's token with "": an empty token would have matched
				throw rejected("URL check without a Verification Token configured");
			}
			// rendered here rather than taken from the dispatcher, which pastes the challenge into a format string
			JsonObject challenge = new JsonObject();
			challenge.addProperty("challenge", text(plain, "challenge"));
			return new CallbackOutcome(200, JSON, challenge.toString(), null, List.of());
		}
		if (timestamp == null) {
			// only the URL check may come without one; an event's signature covers it
			throw rejected("event without X-Lark-Request-Timestamp");
		}
		requireOwner(plain);
		String body = new String(answer.getBody(), StandardCharsets.UTF_8);
		return new CallbackOutcome(200, JSON, body, eventId(plain, request), push.usersLeft);
	}

	private EventResp dispatch(Push push) {
		try {
			return dispatcher.handle(push);
		}
		catch (Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new PlatformException(Reason.REJECTED, null, "Feishu push not readable", null, e);
		}
	}

	private void requireFresh(String timestamp) {
		long sent;
		try {
			sent = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			throw rejected("unreadable X-Lark-Request-Timestamp");
		}
		if (Math.abs(clock.instant().getEpochSecond() - sent) > REPLAY_WINDOW.toSeconds()) {
			throw rejected("X-Lark-Request-Timestamp outside the replay window");
		}
	}

	/** Schema 2.0 names the owner in {@code header}; schema 1.0 puts the token on top and the app in {@code event}. */
	private void requireOwner(JsonObject plain) {
		JsonObject header = object(plain, "header");
		JsonObject owner = header != null ? header : object(plain, "event");
		String token = header != null ? text(header, "token") : text(plain, "token");
		if (owner == null || !same(appId, text(owner, "app_id"))) {
			throw rejected("event for another app");
		}
		if (verificationToken != null && !same(verificationToken, token)) {
			throw rejected("event with another verification token");
		}
		if (tenantKey != null && !same(tenantKey, text(owner, "tenant_key"))) {
			throw rejected("event for another organisation");
		}
	}

	/** header.event_id (2.0), uuid (1.0), else a digest of what the signature covered. */
	private static String eventId(JsonObject plain, CallbackRequest request) {
		JsonObject header = object(plain, "header");
		String id = header != null ? text(header, "event_id") : text(plain, "uuid");
		if (present(id)) {
			return id;
		}
		String signed = request.header("x-lark-request-timestamp") + "\n" + request.header("x-lark-request-nonce") + "\n"
				+ request.header("x-lark-signature");
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static JsonObject parse(String json) {
		try {
			JsonElement element = JsonParser.parseString(json);
			if (element.isJsonObject()) {
				return element.getAsJsonObject();
			}
		}
		catch (JsonParseException e) {
			// falls through
		}
		throw rejected("decrypted push is not a JSON object");
	}

	private static JsonObject object(JsonObject parent, String name) {
		JsonElement child = parent.get(name);
		return child != null && child.isJsonObject() ? child.getAsJsonObject() : null;
	}

	private static String text(JsonObject parent, String name) {
		JsonElement child = parent.get(name);
		return child != null && child.isJsonPrimitive() ? child.getAsString() : null;
	}

	/** Constant time: the token is a shared secret. */
	private static boolean same(String expected, String actual) {
		return actual != null
				&& MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static PlatformException rejected(String why) {
		return new PlatformException(Reason.REJECTED, null, why);
	}
}
