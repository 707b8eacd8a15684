package com.calldesk.connector.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.CallbackOutcome;
import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantPort;

class WeComCallbacksTest extends StubbedWeCom {

	private static final String CALLBACK_TOKEN = "cb-token";

	/** 32 bytes 0..31 as WeCom's EncodingAESKey: Base64 without the trailing '='. */
	private static final String AES_KEY = Base64.getEncoder()
		.encodeToString(toBytes(IntStream.range(0, 32).toArray()))
		.substring(0, 43);

	private final WeComPush push = new WeComPush(CALLBACK_TOKEN, AES_KEY);

	private final long now = NOW.getEpochSecond();

	private TenantPort receiving;

	@BeforeEach
	void openWithCallbacks() {
		receiving = open(Map.of("callbackToken", CALLBACK_TOKEN, "callbackAesKey", AES_KEY));
	}

	@Test
	void theUrlCheckIsAnsweredWithTheDecryptedEchoAsBareText() {
		CallbackOutcome outcome = receiving.callbacks().handle(push.urlCheck("1616140317555161061", CORP, now, "n1"));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.contentType()).startsWith("text/plain");
		assertThat(outcome.body()).isEqualTo("1616140317555161061");
		assertThat(outcome.eventId()).isNull();
		assertThat(outcome.usersLeft()).isEmpty();
	}

	@Test
	void aDeletedMemberIsAUserWhoLeft() {
		CallbackOutcome outcome = receiving.callbacks()
			.handle(push.event(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP, CORP, now, "n2"));

		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.body()).isEqualTo("success");
		assertThat(outcome.usersLeft()).containsExactly("zhangsan");
		assertThat(outcome.eventId()).isNotBlank();
	}

	@Test
	void otherEventsAreAcknowledgedWithNobodyLeaving() {
		CallbackOutcome outcome = receiving.callbacks()
			.handle(push.event(WeComPush.enterAgent(CORP, "zhangsan", now), CORP, CORP, now, "n3"));

		assertThat(outcome.body()).isEqualTo("success");
		assertThat(outcome.usersLeft()).isEmpty();
	}

	@Test
	void theEventIdIsTheSameForARetriedPushAndDiffersForAnother() {
		String deleted = WeComPush.contactDeleted(CORP, "zhangsan", now);
		String first = receiving.callbacks().handle(push.event(deleted, CORP, CORP, now, "n4")).eventId();
		String resent = receiving.callbacks().handle(push.event(deleted, CORP, CORP, now + 5, "n5")).eventId();
		String other = receiving.callbacks()
			.handle(push.event(WeComPush.contactDeleted(CORP, "lisi", now), CORP, CORP, now, "n4"))
			.eventId();

		assertThat(resent).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void aForgedSignatureIsRejected() {
		String encrypt = push.seal(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP);
		String forged = new WeComPush("someone-elses-token", AES_KEY).sign(now, "n6", encrypt);

		assertRejected(() -> receiving.callbacks()
			.handle(WeComPush.post(WeComPush.envelope(CORP, encrypt), forged, now, "n6")));
		assertRejected(() -> receiving.callbacks()
			.handle(WeComPush.post(WeComPush.envelope(CORP, encrypt), push.sign(now, "n6", encrypt), now, "other-nonce")));
	}

	@Test
	void anAlteredCiphertextIsRejected() {
		String encrypt = push.seal(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP);
		String signature = push.sign(now, "n7", encrypt);
		String altered = (encrypt.charAt(0) == 'A' ? 'B' : 'A') + encrypt.substring(1);

		assertRejected(() -> receiving.callbacks()
			.handle(WeComPush.post(WeComPush.envelope(CORP, altered), signature, now, "n7")));
	}

	@Test
	void aPushSealedWithAnotherKeyIsRejectedEvenWhenSigned() {
		String otherKey = Base64.getEncoder().encodeToString(toBytes(IntStream.range(1, 33).toArray())).substring(0, 43);
		CallbackRequest request = new WeComPush(CALLBACK_TOKEN, otherKey)
			.event(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP, CORP, now, "n8");

		assertRejected(() -> receiving.callbacks().handle(request));
	}

	@Test
	void aStaleOrFutureTimestampIsRejected() {
		String deleted = WeComPush.contactDeleted(CORP, "zhangsan", now);

		assertRejected(() -> receiving.callbacks().handle(push.event(deleted, CORP, CORP, now - 301, "n9")));
		assertRejected(() -> receiving.callbacks().handle(push.event(deleted, CORP, CORP, now + 301, "n9")));
		assertRejected(() -> receiving.callbacks().handle(push.urlCheck("echo", CORP, now - 3600, "n9")));
		assertThat(receiving.callbacks().handle(push.event(deleted, CORP, CORP, now - 299, "n9")).usersLeft())
			.containsExactly("zhangsan");
	}

	@Test
	void aPushForAnotherCorpIsRejected() {
		String deleted = WeComPush.contactDeleted(CORP, "zhangsan", now);

		// addressed to another corp in the envelope
		assertRejected(() -> receiving.callbacks().handle(push.event(deleted, "ww-other", CORP, now, "n10")));
		// sealed for another corp (receiveid), whatever the envelope says
		assertRejected(() -> receiving.callbacks().handle(push.event(deleted, CORP, "ww-other", now, "n10")));
		assertRejected(() -> receiving.callbacks().handle(push.urlCheck("echo", "ww-other", now, "n10")));
		// the decrypted event addressed to another corp
		assertRejected(() -> receiving.callbacks()
			.handle(push.event(WeComPush.contactDeleted("ww-other", "zhangsan", now), CORP, CORP, now, "n10")));
	}

	@Test
	void anEnvelopeWithADoctypeIsRejectedBeforeAnythingIsParsed() {
		String encrypt = push.seal(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP);
		String body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ WeComPush.envelope(CORP, encrypt).replace("<AgentID>", "<AgentID>&x;");

		assertRejected(() -> receiving.callbacks().handle(WeComPush.post(body, push.sign(now, "n11", encrypt), now, "n11")));
		assertRejected(() -> receiving.callbacks().handle(WeComPush.post("not xml", "00", now, "n11")));
	}

	@Test
	void aSignedMessageThatIsNotXmlIsRejected() {
		assertRejected(() -> receiving.callbacks().handle(push.event("not <xml", CORP, CORP, now, "n13")));
	}

	@Test
	void withoutACallbackTokenAndKeyEverythingIsRejected() {
		assertRejected(() -> port.callbacks().handle(push.urlCheck("echo", CORP, now, "n12")));
		assertRejected(() -> port.callbacks()
			.handle(push.event(WeComPush.contactDeleted(CORP, "zhangsan", now), CORP, CORP, now, "n12")));
	}

	private static void assertRejected(ThrowingCallable call) {
		assertThatThrownBy(call).asInstanceOf(type(PlatformException.class))
			.satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
	}

	private static byte[] toBytes(int[] values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}
}
