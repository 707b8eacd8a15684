package com.calldesk.provisioning.resources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * SIP account names and passwords. The password is shown once and never stored: the registrar
 * only needs HA1 = MD5(username:realm:password) to check an RFC 2617/7616 MD5 digest.
 */
public final class SeatCredentials {

	/** No 0/O, 1/l/I: the password is typed into a desk phone's keypad or a web form by hand. */
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private SeatCredentials() {
	}

	private static final java.util.regex.Pattern SIP_USERNAME = java.util.regex.Pattern.compile("ss[0-9A-Za-z]{1,20}ss[0-9]{4,6}");

	/** Whether {@code name} has the shape of a seat account, whether or not such a seat exists. */
	public static boolean isSipUsernameShape(String name) {
		return name != null && SIP_USERNAME.matcher(name).matches();
	}

	/** {@code ss<tenant code>ss<4-digit seat no>}, the account format agents already know. */
	public static String sipUsername(String tenantCode, int seatNo) {
		return "ss" + tenantCode + "ss" + String.format("%04d", seatNo);
	}

	public static String newPassword() {
		char[] password = new char[16];
		for (int i = 0; i < password.length; i++) {
			password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(password);
	}

	public static String ha1(String username, String realm, String password) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5")
				.digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required by SIP digest authentication", ex);
		}
	}
}
