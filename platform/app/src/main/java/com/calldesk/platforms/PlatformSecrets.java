package com.calldesk.platforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.problem.DomainException;

/**
 * AES-256-GCM for the tenants' platform secrets. Keys come from {@code calldesk.platforms.secret-keys}
 * ("id:base64,id:base64", the first encrypts, every one decrypts), so a key is rotated without downtime:
 * add the new key after the old on every node, then put it first, then drop the old once
 * {@link PlatformLinks#reencrypt} has rewritten every row. The tenant and platform are the associated
 * data: a ciphertext copied to another tenant's row does not decrypt. The embedded default, with no key
 * configured, keeps one in a file of its data directory.
 */
public final class PlatformSecrets {

	private static final Logger log = LoggerFactory.getLogger(PlatformSecrets.class);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKeySpec> keys;

	private final String currentKey;

	private final SecureRandom random = new SecureRandom();

	private PlatformSecrets(Map<String, SecretKeySpec> keys) {
		this.keys = keys;
		this.currentKey = keys.isEmpty() ? null : keys.keySet().iterator().next();
	}

	/** Keys as configured; none at all means platform credentials cannot be saved (the page says so). */
	public static PlatformSecrets of(String configured) {
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		if (configured != null) {
			for (String entry : configured.split(",")) {
				if (entry.isBlank()) {
					continue;
				}
				int colon = entry.indexOf(':');
				if (colon <= 0) {
					throw new IllegalArgumentException("calldesk.platforms.secret-keys: expected id:base64, got an entry without an id");
				}
				byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
				if (key.length != 32) {
					throw new IllegalArgumentException("calldesk.platforms.secret-keys: key " + entry.substring(0, colon).strip()
							+ " must be 32 bytes (base64 of 32 random bytes)");
				}
				keys.put(entry.substring(0, colon).strip(), new SecretKeySpec(key, "AES"));
			}
		}
		return new PlatformSecrets(keys);
	}

	/** The embedded default's key, created on first start in the data directory and readable only by its owner. */
	public static PlatformSecrets fromKeyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.writeString(file, "local:" + Base64.getEncoder().encodeToString(key) + "\n");
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					log.warn("Could not restrict {} to its owner on this file system", file);
				}
			}
			return of(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the platform secret key file " + file, e);
		}
	}

	public boolean configured() {
		return currentKey != null;
	}

	public String currentKeyId() {
		return currentKey;
	}

	/** {@code keyId:base64(iv ‖ ciphertext ‖ tag)}. */
	public String encrypt(String plain, String context) {
		if (currentKey == null) {
			throw new DomainException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "platform.no-secret-key");
		}
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKey), iv, context, plain.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[IV_BYTES + sealed.length];
		System.arraycopy(iv, 0, out, 0, IV_BYTES);
		System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
		return currentKey + ":" + Base64.getEncoder().encodeToString(out);
	}

	public String decrypt(String stored, String context) {
		int colon = stored.indexOf(':');
		SecretKeySpec key = colon <= 0 ? null : keys.get(stored.substring(0, colon));
		if (key == null) {
			throw new IllegalStateException("Platform secrets were encrypted with key '" + (colon <= 0 ? "?" : stored.substring(0, colon))
					+ "', which calldesk.platforms.secret-keys no longer lists");
		}
		byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
		byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
		byte[] sealed = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
		return new String(run(Cipher.DECRYPT_MODE, key, iv, context, sealed), StandardCharsets.UTF_8);
	}

	static String keyIdOf(String stored) {
		int colon = stored.indexOf(':');
		return colon <= 0 ? "" : stored.substring(0, colon);
	}

	private static byte[] run(int mode, SecretKeySpec key, byte[] iv, String context, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (javax.crypto.AEADBadTagException altered) {
			throw new IllegalStateException("Platform secrets do not decrypt: altered, or moved from another tenant's row");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is part of every JDK", e);
		}
	}
}
