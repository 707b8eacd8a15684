package com.calldesk.connector.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.connector.CallbackRequest;

/**
 * A push as Feishu sends it, built with the JDK alone from the documented scheme (not the SDK's helpers):
 * body {@code {"encrypt": base64(iv ‖ AES-256-CBC(PKCS#7, key = SHA-256(encryptKey), plain))}}, header
 * {@code X-Lark-Signature = hex(SHA-256(timestamp + nonce + encryptKey + body))}.
 */
final class LarkPush {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LarkPush() {
	}

	static String encrypt(String encryptKey, String plain) {
		try {
			byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptKey.getBytes(StandardCharsets.UTF_8));
			byte[] iv = new byte[16];
			RANDOM.nextBytes(iv);
			Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
			byte[] cipher = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + cipher.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(cipher, 0, out, iv.length, cipher.length);
			return "{\"encrypt\":\"" + Base64.getEncoder().encodeToString(out) + "\"}";
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String sign(String timestamp, String nonce, String encryptKey, String body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((timestamp + nonce + encryptKey + body).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The body, encrypted and signed at {@code sent}, with Feishu's header spelling (the request lower-cases it). */
	static CallbackRequest signed(String encryptKey, String plain, Instant sent) {
		String body = encrypt(encryptKey, plain);
		String timestamp = Long.toString(sent.getEpochSecond());
		return request(body, Map.of("X-Lark-Request-Timestamp", List.of(timestamp), "X-Lark-Request-Nonce", List.of("n-42"),
				"X-Lark-Signature", List.of(sign(timestamp, "n-42", encryptKey, body))));
	}

	static CallbackRequest request(String body, Map<String, List<String>> headers) {
		return new CallbackRequest("POST", "/callbacks/feishu/7", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8));
	}

	/** A schema 2.0 event. */
	static String event(String eventId, String type, String appId, String tenantKey, String token, String event) {
		return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + type
				+ "\",\"create_time\":\"1772442000000\",\"token\":\"" + token + "\",\"app_id\":\"" + appId + "\",\"tenant_key\":\""
				+ tenantKey + "\"},\"event\":" + event + "}";
	}
}
