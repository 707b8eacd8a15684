package com.calldesk.connector.dingtalk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.connector.CallbackRequest;

/**
 * What DingTalk itself would push, built here from the documented scheme with the JDK alone (not with
 * the connector's CallbackCrypto): AES-256-CBC, key = Base64(aesKey + "="), IV = key[0..16), PKCS#7 to
 * 32 bytes over random16 ‖ int32 BE length ‖ message ‖ ownerKey; signature = sha1hex(sorted parts).
 */
final class DingTalkPush {

	static final String TOKEN = "cb-token";

	/** 32 fixed bytes as DingTalk shows them: 43 Base64 characters without the trailing "=". */
	static final String AES_KEY = Base64.getEncoder().withoutPadding().encodeToString(
			"0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII));

	private DingTalkPush() {
	}

	static String encrypt(String message, String ownerKey) throws Exception {
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] owner = ownerKey.getBytes(StandardCharsets.UTF_8);
		byte[] random = "RANDOM16RANDOM16".getBytes(StandardCharsets.US_ASCII);
		int length = random.length + 4 + text.length + owner.length;
		int pad = 32 - length % 32;
		ByteBuffer plain = ByteBuffer.allocate(length + pad);
		plain.put(random).putInt(text.length).put(text).put(owner);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
		return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
	}

	/** Message and owner key of an encrypted text, checking the padding as DingTalk would. */
	static String[] decrypt(String encrypt) throws Exception {
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
		byte[] plain = aes.doFinal(Base64.getDecoder().decode(encrypt));
		int pad = plain[plain.length - 1];
		if (pad < 1 || pad > 32 || plain.length % 32 != 0) {
			throw new IllegalStateException("not padded to 32-byte blocks: " + pad);
		}
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String owner = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
		return new String[] { message, owner };
	}

	static String sign(String token, String timestamp, String nonce, String encrypt) throws Exception {
		String[] parts = { token, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
		StringBuilder hex = new StringBuilder();
		for (byte b : sha1) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

	/** A push of {@code event} sealed for {@code ownerKey}, signed with {@link #TOKEN}. */
	static CallbackRequest push(String event, String ownerKey, long timestampMillis, String nonce) throws Exception {
		String encrypt = encrypt(event, ownerKey);
		String timestamp = Long.toString(timestampMillis);
		Map<String, String> query = new HashMap<>();
		query.put("msg_signature", sign(TOKEN, timestamp, nonce, encrypt));
		query.put("timestamp", timestamp);
		query.put("nonce", nonce);
		return request(query, encrypt);
	}

	static CallbackRequest request(Map<String, String> query, String encrypt) {
		byte[] body = ("{\"encrypt\":\"" + encrypt + "\"}").getBytes(StandardCharsets.UTF_8);
		return new CallbackRequest("POST", "/callbacks/dingtalk/7", query,
				Map.of("Content-Type", List.of("application/json")), body);
	}
}
