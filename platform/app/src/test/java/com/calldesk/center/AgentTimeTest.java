package com.calldesk.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentTimeTest {

	static final Instant EIGHT = Instant.parse("2026-12-07T00:00:00Z");

	static MonitorWallMapper.StateChange change(String seat, String status, String state, int minute) {
		return new MonitorWallMapper.StateChange(seat, status, state, EIGHT.plusSeconds(60L * minute));
	}

	@Test
	void aCallAcrossTheHourCountsInBothHoursAndAStateFromBeforeTheDayCarriesIn() {
		// seat a: free since before 08:00, talking 08:50–09:10, wrap-up until 09:15, then free
		// seat b: talking since before 08:00 until 08:30, then signed out
		Map<String, MonitorWallMapper.StateChange> before = Map.of("a", change("a", "IDLE", "WAITING", -5), "b",
				change("b", "IDLE", "TALKING", -20));
		Map<String, List<MonitorWallMapper.StateChange>> changes = Map.of("a",
				List.of(change("a", "IDLE", "TALKING", 50), change("a", "IDLE", "WRAP_UP", 70), change("a", "IDLE", "WAITING", 75)), "b",
				List.of(change("b", "OFFLINE", "WAITING", 30)));
		Instant now = EIGHT.plusSeconds(60L * 100); // 09:40

		AgentTime[] hours = AgentTime.hourly(before, changes, EIGHT, 3, now);

		assertThat(hours[0]).isEqualTo(new AgentTime(600 + 1800, 3000, 0));
		assertThat(hours[1]).as("09:00–09:40 only").isEqualTo(new AgentTime(600 + 300, 1500, 300));
		assertThat(hours[2]).as("not begun").isEqualTo(new AgentTime(0, 0, 0));
		assertThat(hours[2].occupancy().value()).isNull();
		assertThat(AgentTime.over(before, changes, EIGHT, now)).as("the day is its hours")
			.isEqualTo(new AgentTime(2400 + 900, 4500, 300));
	}
}
