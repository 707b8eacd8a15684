package com.calldesk.platforms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and encrypts a DingTalk event push as DingTalk documents it (AES-256-CBC, key = base64(aesKey + "="),
 * IV = its first 16 bytes, PKCS#7 to 32-byte blocks over 16 random ‖ length ‖ message ‖ owner key; SHA-1 over
 * the sorted token, timestamp, nonce and ciphertext) with nothing but the JDK, independently of the connector.
 */
final class DingTalkPushes {

	static final String TOKEN = "dt-callback-token";

	static final String AES_KEY = Base64.getEncoder().withoutPadding()
		.encodeToString("calldesk-dingtalk-callback-key-32".substring(0, 32).getBytes(StandardCharsets.US_ASCII)).substring(0, 43);

	private DingTalkPushes() {
	}

	static String encrypt(String message, String ownerKey) throws Exception {
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		plain.write("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		plain.write(ByteBuffer.allocate(4).putInt(body.length).array());
		plain.write(body);
		plain.write(ownerKey.getBytes(StandardCharsets.UTF_8));
		int pad = 32 - plain.size() % 32;
		for (int i = 0; i < pad; i++) {
			plain.write(pad);
		}
		Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
		return Base64.getEncoder().encodeToString(aes.doFinal(plain.toByteArray()));
	}

	static String sign(String timestamp, String nonce, String encrypt) throws Exception {
		String[] parts = { TOKEN, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
	}
}
