package com.calldesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.calldesk.calls.SeatReleased;

class DeskSessionsTest {

	final DeskSessions sessions = new DeskSessions();

	final DeskPrincipal leaver = new DeskPrincipal(7, 70, "dingtalk_u001", "ss7ss0001", "0001", false);

	final DeskPrincipal successor = new DeskPrincipal(7, 71, "wecom_wangwu", "ss7ss0001", "0001", false);

	@Test
	void aReleasedSeatIsNoLongerHeardByItsFormerUsersSocketsButStillByItsNewUsers() {
		sessions.subscribed(leaver, "tab-1");
		sessions.subscribed(leaver, "tab-2");
		sessions.subscribed(successor, "tab-3");
		sessions.on(new SeatReleased(7, 1, Instant.EPOCH, "ss7ss0001", 70));
		assertThat(sessions.of(7, "ss7ss0001")).containsExactly(successor);
	}

	@Test
	void anotherTenantsReleaseOfTheSameSeatNameChangesNothing() {
		sessions.subscribed(leaver, "tab-1");
		sessions.on(new SeatReleased(8, 1, Instant.EPOCH, "ss7ss0001", 70));
		assertThat(sessions.of(7, "ss7ss0001")).containsExactly(leaver);
	}
}
