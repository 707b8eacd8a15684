package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.LarkPush.event;
import static com.calldesk.connector.feishu.LarkPush.signed;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_ID;
import static com.calldesk.connector.feishu.StubbedFeishu.APP_SECRET;
import static com.calldesk.connector.feishu.StubbedFeishu.CLOCK;
import static com.calldesk.connector.feishu.StubbedFeishu.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.InMemoryTokenCache;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantRef;

class FeishuCallbacksTest {

	private static final String ENCRYPT_KEY = "ek-tenantA-0123456789";

	private static final String TOKEN = "vt-tenantA";

	private static final String TENANT_KEY = "tk1";

	private static final String USER_DELETED = "contact.user.deleted_v3";

	private static final String LEFT_U1 = "{\"object\":{\"open_id\":\"ou_1\",\"union_id\":\"on_1\",\"user_id\":\"u1\",\"name\":\"张三\"},"
			+ "\"old_object\":{\"department_ids\":[\"od-1\"],\"open_id\":\"ou_1\"}}";

	private final FeishuConnector connector = new FeishuConnector(null, null, new InMemoryTokenCache(CLOCK), CLOCK);

	private Callbacks callbacks(Map<String, String> overrides) {
		Map<String, String> values = new HashMap<>(Map.of("appId", APP_ID, "appSecret", APP_SECRET, "tenantKey", TENANT_KEY,
				"verificationToken", TOKEN, "encryptKey", ENCRYPT_KEY));
		values.putAll(overrides);
		values.values().removeIf(String::isEmpty);
		return connector.open(new TenantRef(7, "2001007"), new Credentials(values)).callbacks();
	}

	private final Callbacks callbacks = callbacks(Map.of());

	private static void rejected(ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
	}

	private static String userLeft(String eventId, String appId) {
		return event(eventId, USER_DELETED, appId, TENANT_KEY, TOKEN, LEFT_U1);
	}

	@Test
	void theUrlCheckIsAnsweredWithTheChallenge() {
		String check = "{\"challenge\":\"ch-7f3a\",\"token\":\"" + TOKEN + "\",\"type\":\"url_verification\"}";

		CallbackOutcome outcome = callbacks.handle(signed(ENCRYPT_KEY, check, NOW));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.body()).isEqualTo("{\"challenge\":\"ch-7f3a\"}");
		assertThat(outcome.contentType()).startsWith("application/json");
		assertThat(outcome.eventId()).isNull();
		assertThat(outcome.usersLeft()).isEmpty();
	}

	@Test
	void theUrlCheckIsAnsweredWithoutSignatureHeadersToo() {
		String check = "{\"challenge\":\"ch-1\",\"token\":\"" + TOKEN + "\",\"type\":\"url_verification\"}";

		CallbackOutcome outcome = callbacks.handle(LarkPush.request(LarkPush.encrypt(ENCRYPT_KEY, check), Map.of()));

		assertThat(outcome.body()).isEqualTo("{\"challenge\":\"ch-1\"}");
	}

	@Test
	void aUrlCheckWithAnotherTokenIsRejected() {
		String check = "{\"challenge\":\"ch-1\",\"token\":\"vt-someone-else\",\"type\":\"url_verification\"}";

		rejected(() -> callbacks.handle(signed(ENCRYPT_KEY, check, NOW)));
	}

	@Test
	void aUrlCheckIsRejectedWithoutAVerificationTokenConfigured() {
		String check = "{\"challenge\":\"ch-1\",\"token\":\"\",\"type\":\"url_verification\"}";

		rejected(() -> callbacks(Map.of("verificationToken", "")).handle(signed(ENCRYPT_KEY, check, NOW)));
	}

	@Test
	void someoneLeavingIsReportedWithTheEventId() {
		CallbackOutcome outcome = callbacks.handle(signed(ENCRYPT_KEY, userLeft("ev-1", APP_ID), NOW));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.body()).isEqualTo("{\"msg\":\"success\"}");
		assertThat(outcome.eventId()).isEqualTo("ev-1");
		assertThat(outcome.usersLeft()).containsExactly("u1");
	}

	@Test
	void someoneLeavingIsTheirOpenIdWithoutTheEmployeeIdScope() {
		String left = event("ev-2", USER_DELETED, APP_ID, TENANT_KEY, TOKEN, "{\"object\":{\"open_id\":\"ou_9\",\"name\":\"李四\"}}");

		assertThat(callbacks.handle(signed(ENCRYPT_KEY, left, NOW)).usersLeft()).containsExactly("ou_9");
	}

	@Test
	void otherEventsAreAcknowledgedAndLeaveNobody() {
		String message = event("ev-3", "im.message.receive_v1", APP_ID, TENANT_KEY, TOKEN, "{\"message\":{\"message_id\":\"om_1\"}}");

		CallbackOutcome outcome = callbacks.handle(signed(ENCRYPT_KEY, message, NOW));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.eventId()).isEqualTo("ev-3");
		assertThat(outcome.usersLeft()).isEmpty();
	}

	@Test
	void aForgedSignatureIsRejected() {
		CallbackRequest genuine = signed(ENCRYPT_KEY, userLeft("ev-1", APP_ID), NOW);
		Map<String, List<String>> headers = new HashMap<>(genuine.headers());
		headers.put("x-lark-signature", List.of(LarkPush.sign(genuine.header("x-lark-request-timestamp"), "n-42", "guessed-key",
				new String(genuine.body()))));

		rejected(() -> callbacks.handle(new CallbackRequest("POST", genuine.path(), Map.of(), headers, genuine.body())));
	}

	@Test
	void anAlteredBodyIsRejected() {
		CallbackRequest genuine = signed(ENCRYPT_KEY, userLeft("ev-1", APP_ID), NOW);
		byte[] other = LarkPush.encrypt(ENCRYPT_KEY, userLeft("ev-1", APP_ID).replace("u1", "u2")).getBytes();

		rejected(() -> callbacks.handle(new CallbackRequest("POST", genuine.path(), Map.of(), genuine.headers(), other)));
	}

	@Test
	void anUndecryptableBodyIsRejectedEvenWhenSigned() {
		String body = "{\"encrypt\":\"bm90IGEgY2lwaGVydGV4dA==\"}";
		String ts = Long.toString(NOW.getEpochSecond());

		rejected(() -> callbacks.handle(LarkPush.request(body, Map.of("X-Lark-Request-Timestamp", List.of(ts),
				"X-Lark-Request-Nonce", List.of("n"), "X-Lark-Signature", List.of(LarkPush.sign(ts, "n", ENCRYPT_KEY, body))))));
	}

	@Test
	void aPlainEventIsRejectedWhenAnEncryptKeyIsSet() {
		String body = userLeft("ev-1", APP_ID);
		String ts = Long.toString(NOW.getEpochSecond());

		rejected(() -> callbacks.handle(LarkPush.request(body, Map.of("X-Lark-Request-Timestamp", List.of(ts),
				"X-Lark-Request-Nonce", List.of("n"), "X-Lark-Signature", List.of(LarkPush.sign(ts, "n", ENCRYPT_KEY, body))))));
	}

	@ParameterizedTest
	@ValueSource(longs = { -301, 301, -3600 })
	void aPushOutsideTheReplayWindowIsRejected(long offsetSeconds) {
		rejected(() -> callbacks.handle(signed(ENCRYPT_KEY, userLeft("ev-1", APP_ID), NOW.plusSeconds(offsetSeconds))));
	}

	@Test
	void aPushInsideTheReplayWindowIsTaken() {
		CallbackOutcome outcome = callbacks.handle(signed(ENCRYPT_KEY, userLeft("ev-1", APP_ID), NOW.minus(Duration.ofSeconds(299))));

		assertThat(outcome.usersLeft()).containsExactly("u1");
	}

	@Test
	void anEventWithoutATimestampIsRejected() {
		String body = LarkPush.encrypt(ENCRYPT_KEY, userLeft("ev-1", APP_ID));

		rejected(() -> callbacks.handle(LarkPush.request(body, Map.of("X-Lark-Request-Nonce", List.of("n"),
				"X-Lark-Signature", List.of(LarkPush.sign("", "n", ENCRYPT_KEY, body))))));
	}

	@Test
	void anEventForAnotherAppIsRejected() {
		rejected(() -> callbacks.handle(signed(ENCRYPT_KEY, userLeft("ev-1", "cli_someoneElse"), NOW)));
	}

	@Test
	void anEventForAnotherOrganisationOrWithAnotherTokenIsRejected() {
		rejected(() -> callbacks.handle(signed(ENCRYPT_KEY, event("ev-1", USER_DELETED, APP_ID, "tk-other", TOKEN, LEFT_U1), NOW)));
		rejected(() -> callbacks.handle(signed(ENCRYPT_KEY, event("ev-1", USER_DELETED, APP_ID, TENANT_KEY, "vt-other", LEFT_U1), NOW)));
	}

	@Test
	void withoutAnEncryptKeyEveryPushIsRejected() {
		Callbacks unprotected = callbacks(Map.of("encryptKey", ""));
		String ts = Long.toString(NOW.getEpochSecond());

		rejected(() -> unprotected.handle(LarkPush.request(userLeft("ev-1", APP_ID), Map.of("X-Lark-Request-Timestamp", List.of(ts)))));
	}
}
