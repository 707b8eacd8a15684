package com.calldesk.connector.dingtalk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

/**
 * DingTalk's callback crypto (the same scheme as WeCom's, which neither DingTalk SDK implements):
 * signature = sha1hex of the sorted [token, timestamp, nonce, encrypt] concatenated; encrypt =
 * Base64(AES-256-CBC(random16 ‖ int32 BE length ‖ message ‖ ownerKey)) with key = Base64(aesKey + "="),
 * IV = the key's first 16 bytes and PKCS#7 padding to 32-byte blocks. Unlike WxJava's helper this one
 * checks the trailing owner key. Whatever does not check out is {@code REJECTED}.
 */
final class CallbackCrypto {

	private static final int BLOCK = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A decrypted message and the owner key it was sealed for (the AppKey, or the corpId for old registrations). */
	record Opened(String message, String ownerKey) {
	}

	private final String token;

	private final byte[] key;

	CallbackCrypto(String token, String aesKey) {
		this.token = token;
		this.key = Base64.getDecoder().decode(aesKey + "=");
	}

	String signature(String timestamp, String nonce, String encrypt) {
		String joined = Stream.of(token, timestamp, nonce, encrypt).sorted().collect(Collectors.joining());
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-1 is part of every JDK", e);
		}
	}

	boolean signedBy(String signature, String timestamp, String nonce, String encrypt) {
		byte[] expected = signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	Opened decrypt(String encrypt, Set<String> owners) {
		byte[] plain;
		try {
			plain = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(encrypt));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw refused("the body does not decrypt");
		}
		int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || pad > plain.length - 20) {
			throw refused("the body's padding is wrong");
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw refused("the body's padding is wrong");
			}
		}
		int end = plain.length - pad;
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (length < 0 || 20 + length > end) {
			throw refused("the body's length field is wrong");
		}
		String owner = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!owners.contains(owner)) {
			throw refused("the body was sealed for another app or organisation");
		}
		return new Opened(new String(plain, 20, length, StandardCharsets.UTF_8), owner);
	}

	String encrypt(String message, String ownerKey) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] owner = ownerKey.getBytes(StandardCharsets.UTF_8);
		int unpadded = 16 + 4 + text.length + owner.length;
		int pad = BLOCK - unpadded % BLOCK;
		ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
		plain.put(random).putInt(text.length).put(text).put(owner);
		byte[] padding = new byte[pad];
		Arrays.fill(padding, (byte) pad);
		plain.put(padding);
		try {
			return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/CBC is part of every JDK", e);
		}
	}

	private static PlatformException refused(String why) {
		return new PlatformException(Reason.REJECTED, null, "DingTalk callback refused: " + why);
	}

	private Cipher cipher(int mode) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
		return cipher;
	}
}
