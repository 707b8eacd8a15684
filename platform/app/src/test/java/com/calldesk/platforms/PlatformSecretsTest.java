package com.calldesk.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.calldesk.problem.DomainException;

class PlatformSecretsTest {

	static final String OLD = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

	static final String NEW = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void sealsWithTheFirstKeyAndOpensWithAnyListedOne() {
		String sealed = PlatformSecrets.of(OLD).encrypt("{\"appSecret\":\"s3cret\"}", "tenant:1:platform:DINGTALK");
		assertThat(sealed).startsWith("k1:").doesNotContain("s3cret");
		PlatformSecrets rotated = PlatformSecrets.of(NEW + "," + OLD);
		assertThat(rotated.decrypt(sealed, "tenant:1:platform:DINGTALK")).isEqualTo("{\"appSecret\":\"s3cret\"}");
		assertThat(rotated.encrypt("x", "c")).startsWith("k2:");
		assertThat(rotated.currentKeyId()).isEqualTo("k2");
	}

	@Test
	void aCiphertextMovedToAnotherTenantOrAlteredDoesNotOpen() {
		PlatformSecrets secrets = PlatformSecrets.of(OLD);
		String sealed = secrets.encrypt("secret", "tenant:1:platform:WECOM");
		assertThatThrownBy(() -> secrets.decrypt(sealed, "tenant:2:platform:WECOM")).hasMessageContaining("do not decrypt");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		raw[raw.length - 1] ^= 1;
		String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
		assertThatThrownBy(() -> secrets.decrypt(altered, "tenant:1:platform:WECOM")).hasMessageContaining("do not decrypt");
	}

	@Test
	void aDroppedKeyIsNamedAndNoKeyAtAllRefusesToSeal() {
		String sealed = PlatformSecrets.of(OLD).encrypt("secret", "c");
		assertThatThrownBy(() -> PlatformSecrets.of(NEW).decrypt(sealed, "c")).hasMessageContaining("'k1'");
		PlatformSecrets none = PlatformSecrets.of("");
		assertThat(none.configured()).isFalse();
		assertThatThrownBy(() -> none.encrypt("secret", "c")).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("platform.no-secret-key"));
		assertThatThrownBy(() -> PlatformSecrets.of("k9:" + Base64.getEncoder().encodeToString(new byte[16])))
			.hasMessageContaining("32 bytes");
	}

	@Test
	void theEmbeddedDefaultKeepsOneKeyInItsDataDirectoryForItsOwnerOnly(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data/platform-secret.key");
		String sealed = PlatformSecrets.fromKeyFile(file).encrypt("secret", "c");
		assertThat(PlatformSecrets.fromKeyFile(file).decrypt(sealed, "c")).isEqualTo("secret");
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}
}
