package com.calldesk.recording;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over everything a recording link grants — tenant, call, user, use and expiry — so
 * changing any of them, or the signature, makes it invalid; compared in constant time.
 */
final class LinkSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] key;

	LinkSignature(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
		else {
			this.key = Base64.getDecoder().decode(base64Key.strip());
			if (this.key.length < 16) {
				throw new IllegalArgumentException("calldesk.recordings.link-key must be at least 16 bytes");
			}
		}
	}

	String sign(long tenantId, String callId, long userId, RecordingUse use, Instant expires) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			String granted = tenantId + "\n" + callId + "\n" + userId + "\n" + use.name() + "\n" + expires.getEpochSecond();
			return HexFormat.of().formatHex(mac.doFinal(granted.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
		}
	}

	boolean verify(long tenantId, String callId, long userId, RecordingUse use, Instant expires, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] expected = sign(tenantId, callId, userId, use, expires).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}
}
