package com.calldesk.connector.dingtalk;

import java.util.Base64;
import java.util.List;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

/**
 * One tenant's self-built DingTalk app (企业内部应用), validated. The callback pair is optional: without
 * it the tenant simply gets no event pushes. {@code toString} names the app, never the secrets.
 */
record DingTalkApp(String corpId, String appKey, String appSecret, long agentId, String callbackToken,
		String callbackAesKey) {

	static final String CORP_ID = "corpId";

	static final String APP_KEY = "appKey";

	static final String APP_SECRET = "appSecret";

	static final String AGENT_ID = "agentId";

	static final String CALLBACK_TOKEN = "callbackToken";

	static final String CALLBACK_AES_KEY = "callbackAesKey";

	/** DingTalk's EncodingAESKey: 43 Base64 characters, i.e. 32 key bytes once "=" is appended. */
	static final int AES_KEY_LENGTH = 43;

	static final List<CredentialField> FIELDS = List.of(
			new CredentialField(CORP_ID, "企业 CorpId", "Organisation CorpId", false, true),
			new CredentialField(APP_KEY, "应用 AppKey", "App AppKey (Client ID)", false, true),
			new CredentialField(APP_SECRET, "应用 AppSecret", "App AppSecret (Client Secret)", true, true),
			new CredentialField(AGENT_ID, "应用 AgentId", "App AgentId", false, true),
			new CredentialField(CALLBACK_TOKEN, "事件订阅签名 Token", "Event subscription signing token", true, false),
			new CredentialField(CALLBACK_AES_KEY, "事件订阅加密 aes_key", "Event subscription aes_key (43 characters)", true,
					false));

	static DingTalkApp from(Credentials credentials) {
		String agentId = credentials.require(AGENT_ID);
		if (!agentId.chars().allMatch(c -> c >= '0' && c <= '9') || agentId.length() > 18) {
			throw invalid(AGENT_ID + " must be a number");
		}
		String aesKey = credentials.optional(CALLBACK_AES_KEY);
		if (aesKey != null && !isAesKey(aesKey)) {
			throw invalid(CALLBACK_AES_KEY + " must be the 43 characters shown in the developer console");
		}
		return new DingTalkApp(credentials.require(CORP_ID), credentials.require(APP_KEY),
				credentials.require(APP_SECRET), Long.parseLong(agentId), credentials.optional(CALLBACK_TOKEN), aesKey);
	}

	boolean receivesCallbacks() {
		return callbackToken != null && callbackAesKey != null;
	}

	private static boolean isAesKey(String key) {
		if (key.length() != AES_KEY_LENGTH) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(key + "=").length == 32;
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	private static PlatformException invalid(String message) {
		return new PlatformException(Reason.INVALID_CREDENTIALS, "invalid", message);
	}

	@Override
	public String toString() {
		return "DingTalkApp[corpId=" + corpId + ", appKey=" + appKey + ", agentId=" + agentId + "]";
	}
}
