package com.calldesk.connector.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.calldesk.connector.PlatformException;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/** The connector's cipher against WxJava's reference implementation of the same scheme, both ways. */
class CallbackCipherTest {

	private static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	@Test
	void opensWhatWxJavaSealsAndWxJavaOpensWhatTheTestSeals() {
		WxCryptUtil reference = new WxCryptUtil("tok", KEY, "ww-corp");
		CallbackCipher cipher = new CallbackCipher("tok", KEY, "ww-corp");
		WxCryptUtil.EncryptContext sealed = reference.encryptContext("<xml><Event>x</Event></xml>");

		assertThat(cipher.signed(sealed.getSignature(), sealed.getTimeStamp(), sealed.getNonce(), sealed.getEncrypt()))
			.isTrue();
		assertThat(cipher.open(sealed.getEncrypt())).isEqualTo("<xml><Event>x</Event></xml>");
		assertThat(reference.decrypt(new WeComPush("tok", KEY).seal("中文 message", "ww-corp"))).isEqualTo("中文 message");
	}

	@Test
	void refusesWhatWxJavaSealedForAnotherCorp() {
		String sealed = new WxCryptUtil("tok", KEY, "ww-other").encrypt("<xml/>");

		assertThatThrownBy(() -> new CallbackCipher("tok", KEY, "ww-corp").open(sealed))
			.isInstanceOf(PlatformException.class);
	}
}
