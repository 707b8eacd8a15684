package com.calldesk.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sip.header.AuthorizationHeader;

/** RFC 2617/7616 MD5 digest as SIP uses it (RFC 3261 §22), with qop=auth or without qop. */
final class Digest {

	private Digest() {
	}

	static boolean matches(AuthorizationHeader auth, String method, String ha1) {
		String uri = auth.getURI() == null ? "" : auth.getURI().toString();
		String ha2 = md5(method + ":" + uri);
		String expected;
		if (auth.getQop() == null) {
			expected = md5(ha1 + ":" + auth.getNonce() + ":" + ha2);
		}
		else if ("auth".equalsIgnoreCase(auth.getQop()) && auth.getCNonce() != null) {
			String nc = String.format("%08x", auth.getNonceCount());
			expected = md5(ha1 + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":auth:" + ha2);
		}
		else {
			return false;
		}
		String given = auth.getResponse() == null ? "" : auth.getResponse().toLowerCase();
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
	}

	static String md5(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required by SIP digest", ex);
		}
	}
}
