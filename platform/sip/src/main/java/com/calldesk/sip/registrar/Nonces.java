package com.calldesk.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.state.ExpiringCounters;

/**
 * Digest nonces that carry their own issue time and an HMAC, so any node sharing the secret can
 * check them without storing them. Each is accepted once: a second use (a replay, or a phone that
 * re-registers with its old nonce) is answered stale=true and gets a fresh one.
 */
public final class Nonces {

	private final byte[] secret;

	private final Duration lifetime;

	private final ExpiringCounters used;

	private final Clock clock;

	public Nonces(byte[] secret, Duration lifetime, ExpiringCounters used, Clock clock) {
		this.secret = secret.clone();
		this.lifetime = lifetime;
		this.used = used;
		this.clock = clock;
	}

	public String issue() {
		// the HMAC makes a nonce unforgeable; the salt only has to make it unique, so no shared SecureRandom lock
		String body = Long.toHexString(clock.millis()) + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
		return body + "." + mac(body);
	}

	/** Checks a nonce and, when valid, uses it up. */
	public Verdict consume(String nonce) {
		String[] parts = nonce == null ? new String[0] : nonce.split("\\.");
		if (parts.length != 3 || !MessageDigest.isEqual(mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
				parts[2].getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.INVALID;
		}
		long issuedAt;
		try {
			issuedAt = Long.parseLong(parts[0], 16);
		}
		catch (NumberFormatException ex) {
			return Verdict.INVALID;
		}
		long age = clock.millis() - issuedAt;
		if (age < 0 || age > lifetime.toMillis()) {
			return Verdict.STALE;
		}
		return used.increment("nonce:" + nonce, lifetime) == 1 ? Verdict.VALID : Verdict.STALE;
	}

	private String mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] tag = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(tag).substring(0, 22);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required", ex);
		}
	}

	/** What a nonce is worth. */
	public enum Verdict {
		VALID, STALE, INVALID
	}
}
