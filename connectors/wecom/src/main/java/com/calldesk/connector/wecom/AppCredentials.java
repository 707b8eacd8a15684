package com.calldesk.connector.wecom;

import java.util.Base64;

import com.calldesk.connector.Credentials;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

/**
 * One tenant's self-built app (自建应用), checked for shape. The callback pair is optional but goes
 * together: a token without its key could verify nothing.
 */
record AppCredentials(String corpId, int agentId, String secret, String callbackToken, String callbackAesKey) {

	static final String CORP_ID = "corpId";

	static final String AGENT_ID = "agentId";

	static final String SECRET = "secret";

	static final String CALLBACK_TOKEN = "callbackToken";

	static final String CALLBACK_AES_KEY = "callbackAesKey";

	/** WeCom's EncodingAESKey: 43 Base64 characters, i.e. a 32-byte AES key without its trailing '='. */
	private static final int AES_KEY_LENGTH = 43;

	static AppCredentials from(Credentials credentials) {
		String corpId = credentials.require(CORP_ID);
		int agentId = agentId(credentials.require(AGENT_ID));
		String secret = credentials.require(SECRET);
		String token = credentials.optional(CALLBACK_TOKEN);
		String aesKey = credentials.optional(CALLBACK_AES_KEY);
		if ((token == null) != (aesKey == null)) {
			throw invalid("callbackToken and callbackAesKey are set together or not at all");
		}
		if (aesKey != null && !isAesKey(aesKey)) {
			throw invalid("callbackAesKey must be the 43-character EncodingAESKey");
		}
		return new AppCredentials(corpId, agentId, secret, token, aesKey);
	}

	boolean receivesCallbacks() {
		return callbackToken != null && callbackAesKey != null;
	}

	/** Cache key of the app's access token: the token belongs to one app of one corp. */
	String tokenKey() {
		return "wecom:access_token:" + corpId + ":" + agentId;
	}

	/** The secret stays out of logs and exception messages, whatever prints this record. */
	@Override
	public String toString() {
		return "AppCredentials[corpId=" + corpId + ", agentId=" + agentId + "]";
	}

	private static int agentId(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw invalid("agentId must be a number");
		}
	}

	private static boolean isAesKey(String key) {
		if (key.length() != AES_KEY_LENGTH) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(key + "=").length == 32;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static PlatformException invalid(String message) {
		return new PlatformException(Reason.INVALID_CREDENTIALS, "invalid", message);
	}
}
