package com.calldesk.connector.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.jayway.jsonpath.JsonPath;

class CallbacksTest {

	private static final long NOW = DingTalkStub.NOW.toEpochMilli();

	private static final String LEFT = "{\"EventType\":\"user_leave_org\",\"TimeStamp\":\"" + NOW
			+ "\",\"UserId\":[\"u001\",\"u002\"],\"CorpId\":\"dingcorp1\"}";

	private final DingTalkStub stub = new DingTalkStub();

	private final Callbacks callbacks = stub
		.tenant(Map.of(DingTalkApp.CALLBACK_TOKEN, DingTalkPush.TOKEN, DingTalkApp.CALLBACK_AES_KEY, DingTalkPush.AES_KEY))
		.callbacks();

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void urlCheckIsAnsweredWithTheEncryptedSuccess() throws Exception {
		CallbackOutcome outcome = callbacks
			.handle(DingTalkPush.push("{\"EventType\":\"check_url\"}", DingTalkStub.APP_KEY, NOW, "nEXhMP4r"));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.contentType()).isEqualTo("application/json");
		assertThat(outcome.eventId()).isNull();
		assertThat(outcome.usersLeft()).isEmpty();
		assertRepliesSuccess(outcome, DingTalkStub.APP_KEY);
	}

	@Test
	void userLeavingTheOrganisationIsReported() throws Exception {
		CallbackOutcome outcome = callbacks.handle(DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW - 60_000, "n1"));

		assertThat(outcome.usersLeft()).containsExactly("u001", "u002");
		assertThat(outcome.eventId()).isNotBlank();
		assertRepliesSuccess(outcome, DingTalkStub.APP_KEY);
	}

	@Test
	void theSamePushHasTheSameEventIdAndAnotherPushAnother() throws Exception {
		CallbackRequest push = DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW, "n1");

		String first = callbacks.handle(push).eventId();

		assertThat(callbacks.handle(push).eventId()).isEqualTo(first);
		assertThat(callbacks.handle(DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW, "n2")).eventId()).isNotEqualTo(first);
	}

	@Test
	void anEventIdInTheEventIsUsed() throws Exception {
		String event = "{\"EventType\":\"user_modify_org\",\"EventId\":\"ev-9\",\"UserId\":[\"u001\"]}";

		CallbackOutcome outcome = callbacks.handle(DingTalkPush.push(event, DingTalkStub.APP_KEY, NOW, "n1"));

		assertThat(outcome.eventId()).isEqualTo("ev-9");
		assertThat(outcome.usersLeft()).isEmpty();
		assertRepliesSuccess(outcome, DingTalkStub.APP_KEY);
	}

	@Test
	void legacyRegistrationSealedForTheCorpIdAndItsOldParameterNamesAreAccepted() throws Exception {
		CallbackRequest modern = DingTalkPush.push(LEFT, DingTalkStub.CORP_ID, NOW, "n1");
		Map<String, String> legacy = new HashMap<>();
		legacy.put("signature", modern.query().get("msg_signature"));
		legacy.put("timeStamp", modern.query().get("timestamp"));
		legacy.put("nonce", "n1");
		String encrypt = JsonPath.read(new String(modern.body()), "$.encrypt");

		CallbackOutcome outcome = callbacks.handle(DingTalkPush.request(legacy, encrypt));

		assertThat(outcome.usersLeft()).containsExactly("u001", "u002");
		assertRepliesSuccess(outcome, DingTalkStub.CORP_ID);
	}

	@Test
	void forgedSignatureIsRejected() throws Exception {
		CallbackRequest genuine = DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW, "n1");
		Map<String, String> query = new HashMap<>(genuine.query());
		query.put("msg_signature", DingTalkPush.sign("not-the-token", query.get("timestamp"), "n1",
				JsonPath.read(new String(genuine.body()), "$.encrypt")));

		assertRejected(DingTalkPush.request(query, JsonPath.read(new String(genuine.body()), "$.encrypt")));
	}

	@Test
	void alteredBodyIsRejected() throws Exception {
		CallbackRequest genuine = DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW, "n1");
		String other = DingTalkPush.encrypt("{\"EventType\":\"user_leave_org\",\"UserId\":[\"boss\"]}", DingTalkStub.APP_KEY);

		assertRejected(DingTalkPush.request(genuine.query(), other));
	}

	@Test
	void staleTimestampIsRejected() throws Exception {
		assertRejected(DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW - 6 * 60_000, "n1"));
		assertRejected(DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW + 6 * 60_000, "n1"));
	}

	@Test
	void pushSealedForAnotherAppIsRejected() throws Exception {
		assertRejected(DingTalkPush.push(LEFT, "another-app-key", NOW, "n1"));
	}

	@Test
	void eventAboutAnotherOrganisationIsRejected() throws Exception {
		assertRejected(DingTalkPush.push(LEFT.replace("dingcorp1", "dingother"), DingTalkStub.APP_KEY, NOW, "n1"));
	}

	@Test
	void undecryptableBodyIsRejected() throws Exception {
		String garbage = "bm90IGVuY3J5cHRlZA==";
		Map<String, String> query = Map.of("msg_signature", DingTalkPush.sign(DingTalkPush.TOKEN, Long.toString(NOW), "n1", garbage),
				"timestamp", Long.toString(NOW), "nonce", "n1");

		assertRejected(DingTalkPush.request(query, garbage));
	}

	@Test
	void tenantWithoutCallbackSettingsRejectsEveryPush() throws Exception {
		assertThatThrownBy(() -> stub.tenant().callbacks().handle(DingTalkPush.push(LEFT, DingTalkStub.APP_KEY, NOW, "n1")))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
	}

	private void assertRejected(CallbackRequest request) {
		assertThatThrownBy(() -> callbacks.handle(request)).isInstanceOfSatisfying(PlatformException.class,
				e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
	}

	/** The reply DingTalk checks: signed with the token over its own timeStamp and nonce, "success" inside. */
	private static void assertRepliesSuccess(CallbackOutcome outcome, String ownerKey) throws Exception {
		String body = outcome.body();
		String timeStamp = JsonPath.read(body, "$.timeStamp");
		String nonce = JsonPath.read(body, "$.nonce");
		String encrypt = JsonPath.read(body, "$.encrypt");
		assertThat(timeStamp).isEqualTo(Long.toString(NOW));
		assertThat(nonce).isNotBlank();
		assertThat((String) JsonPath.read(body, "$.msg_signature"))
			.isEqualTo(DingTalkPush.sign(DingTalkPush.TOKEN, timeStamp, nonce, encrypt));
		assertThat(DingTalkPush.decrypt(encrypt)).containsExactly("success", ownerKey);
	}
}
