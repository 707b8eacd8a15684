package com.calldesk.connector.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

/**
 * WeCom's callback scheme (加解密方案): msg_signature = sha1 of token, timestamp, nonce and the
 * ciphertext, sorted and joined; ciphertext = Base64(AES-256-CBC(key = Base64(EncodingAESKey + "="),
 * IV = its first 16 bytes, PKCS#7 to 32 bytes)) of 16 random bytes, the message length (4 bytes, big
 * endian), the message and the receiveid (the corpid). Written here rather than taken from WxJava's
 * {@code WxCryptUtil} because that one never checks the receiveid (the check is commented out) and
 * compares signatures with {@code String.equals}.
 */
final class CallbackCipher {

	private static final int BLOCK = 32;

	private static final int RANDOM = 16;

	private final String token;

	private final byte[] key;

	private final String receiveId;

	CallbackCipher(String token, String encodingAesKey, String receiveId) {
		this.token = token;
		this.key = Base64.getDecoder().decode(encodingAesKey + "=");
		this.receiveId = receiveId;
	}

	boolean signed(String signature, String timestamp, String nonce, String encrypted) {
		if (signature == null || timestamp == null || nonce == null || encrypted == null) {
			return false;
		}
		String[] parts = { token, timestamp, nonce, encrypted };
		Arrays.sort(parts);
		byte[] expected = HexFormat.of().formatHex(sha1(String.join("", parts))).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** The message inside; refuses ({@code REJECTED}) what does not decrypt or was sealed for another corp. */
	String open(String encrypted) {
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			plain = unpad(cipher.doFinal(Base64.getDecoder().decode(encrypted)));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw rejected("callback does not decrypt");
		}
		if (plain.length < RANDOM + 4) {
			throw rejected("callback does not decrypt");
		}
		int length = ByteBuffer.wrap(plain, RANDOM, 4).getInt();
		if (length < 0 || length > plain.length - RANDOM - 4) {
			throw rejected("callback does not decrypt");
		}
		int end = RANDOM + 4 + length;
		String sealedFor = new String(plain, end, plain.length - end, StandardCharsets.UTF_8);
		if (!sealedFor.equals(receiveId)) {
			throw rejected("callback sealed for another corp");
		}
		return new String(plain, RANDOM + 4, length, StandardCharsets.UTF_8);
	}

	private static byte[] unpad(byte[] padded) {
		int pad = padded.length == 0 ? 0 : padded[padded.length - 1];
		if (pad < 1 || pad > BLOCK || pad > padded.length) {
			throw rejected("callback does not decrypt");
		}
		for (int i = padded.length - pad; i < padded.length; i++) {
			if (padded[i] != pad) {
				throw rejected("callback does not decrypt");
			}
		}
		return Arrays.copyOf(padded, padded.length - pad);
	}

	private static byte[] sha1(String text) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK has no SHA-1", e);
		}
	}

	static PlatformException rejected(String why) {
		return new PlatformException(Reason.REJECTED, null, why);
	}
}
