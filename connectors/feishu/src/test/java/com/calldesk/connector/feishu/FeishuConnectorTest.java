package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.InMemoryTokenCache;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.TenantRef;

class FeishuConnectorTest {

	private final FeishuConnector connector = new FeishuConnector(null, null, new InMemoryTokenCache(CLOCK), CLOCK);

	private final TenantRef tenant = new TenantRef(7, "2001007");

	@Test
	void asksForTheAppsCredentialsAndTheOptionalEventKeys() {
		assertThat(connector.platform()).isEqualTo(Platform.FEISHU);
		assertThat(connector.credentialFields()).extracting(CredentialField::name)
			.containsExactly("appId", "appSecret", "tenantKey", "verificationToken", "encryptKey");
		assertThat(connector.credentialFields()).filteredOn(CredentialField::required).extracting(CredentialField::name)
			.containsExactly("appId", "appSecret");
		assertThat(connector.credentialFields()).filteredOn(CredentialField::secret).extracting(CredentialField::name)
			.containsExactly("appSecret", "verificationToken", "encryptKey");
		assertThat(connector.credentialFields()).extracting(CredentialField::labelZh)
			.containsExactly("应用 App ID", "应用 App Secret", "企业 tenant_key", "事件订阅 Verification Token", "事件订阅 Encrypt Key");
		assertThat(connector.credentialFields()).allSatisfy(f -> assertThat(f.labelEn()).isNotBlank());
	}

	@Test
	void aMissingSecretOrAnIdThatIsNoAppIdIsInvalidCredentials() {
		assertThatThrownBy(() -> connector.open(tenant, new Credentials(Map.of("appId", "cli_a"))))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS));
		assertThatThrownBy(() -> connector.open(tenant, new Credentials(Map.of("appId", "ding123", "appSecret", "s"))))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS));
	}

	@Test
	void productionHostsAreTheDefaults() {
		var port = connector.open(tenant, new Credentials(Map.of("appId", "cli_a", "appSecret", "s")));

		assertThat(port.signIn().webLogin("https://desk.example.com/cb", "s").orElseThrow().toString())
			.startsWith(FeishuConnector.PRODUCTION_ACCOUNTS_BASE + "/open-apis/authen/v1/authorize?client_id=cli_a&");
		assertThat(FeishuConnector.PRODUCTION_OPEN_BASE).isEqualTo("https://open.feishu.cn");
	}
}
