package com.calldesk.connector.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;

class CredentialsTest {

	private final DingTalkStub stub = new DingTalkStub();

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void asksForTheAppAndOptionallyForTheEventSubscription() {
		assertThat(stub.connector.platform()).isEqualTo(Platform.DINGTALK);
		assertThat(stub.connector.credentialFields()).extracting(CredentialField::name)
			.containsExactly("corpId", "appKey", "appSecret", "agentId", "callbackToken", "callbackAesKey");
		assertThat(stub.connector.credentialFields()).filteredOn(CredentialField::secret)
			.extracting(CredentialField::name)
			.containsExactly("appSecret", "callbackToken", "callbackAesKey");
		assertThat(stub.connector.credentialFields()).filteredOn(CredentialField::required)
			.extracting(CredentialField::name)
			.containsExactly("corpId", "appKey", "appSecret", "agentId");
		assertThat(stub.connector.credentialFields().get(0).labelZh()).isEqualTo("企业 CorpId");
	}

	@Test
	void agentIdMustBeANumber() {
		assertInvalid(Map.of(DingTalkApp.AGENT_ID, "12a"), "agentId");
	}

	@Test
	void aesKeyMustBeTheConsolesFortyThreeCharacters() {
		assertInvalid(Map.of(DingTalkApp.CALLBACK_AES_KEY, "too-short"), "callbackAesKey");
		assertInvalid(Map.of(DingTalkApp.CALLBACK_AES_KEY, "#".repeat(43)), "callbackAesKey");
	}

	@Test
	void missingCorpIdIsNamed() {
		assertInvalid(Map.of(DingTalkApp.CORP_ID, " "), "corpId");
	}

	@Test
	void secretsStayOutOfToString() {
		DingTalkApp app = DingTalkApp.from(new com.calldesk.connector.Credentials(Map.of(DingTalkApp.CORP_ID, "dingcorp1",
				DingTalkApp.APP_KEY, "ak", DingTalkApp.APP_SECRET, "s3cr3t", DingTalkApp.AGENT_ID, "1",
				DingTalkApp.CALLBACK_TOKEN, "cb-t0ken", DingTalkApp.CALLBACK_AES_KEY, DingTalkPush.AES_KEY)));

		assertThat(app.toString()).doesNotContain("s3cr3t", "cb-t0ken", DingTalkPush.AES_KEY);
		assertThat(app.receivesCallbacks()).isTrue();
	}

	private void assertInvalid(Map<String, String> override, String field) {
		assertThatThrownBy(() -> stub.tenant(override)).isInstanceOfSatisfying(PlatformException.class, e -> {
			assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
			assertThat(e.getMessage()).contains(field);
		});
	}
}
