package com.calldesk.provisioning.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SeatCredentialsTest {

	@Test
	void ha1MatchesTheWorkedExampleOfRfc2617() {
		assertThat(SeatCredentials.ha1("Mufasa", "testrealm@host.com", "Circle Of Life")).isEqualTo("939e7578ed9e3c518a452acee763bce9");
	}

	@Test
	void accountFollowsTheFormatAgentsAlreadyKnow() {
		assertThat(SeatCredentials.sipUsername("2001850", 9999)).isEqualTo("ss2001850ss9999");
		assertThat(SeatCredentials.sipUsername("2001850", 7)).isEqualTo("ss2001850ss0007");
	}

	@Test
	void passwordsAreLongWithoutLookAlikesAndNeverRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String password = SeatCredentials.newPassword();
			assertThat(password).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
			assertThat(seen.add(password)).isTrue();
		}
	}
}
