package com.calldesk.center;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One seat's day from its status changes: how long the agent was signed in (any status but OFFLINE),
 * busy (BUSY), resting (REST), talking (TALKING), in after-call work (WRAP_UP) and free waiting for a
 * call (IDLE and WAITING: what occupancy counts against), from the start of
 * the day (in the state the last change before it left) until now.
 */
record SeatDay(long loginSeconds, long busySeconds, long restSeconds, long talkSeconds, long wrapUpSeconds, long idleSeconds) {

	static final SeatDay NONE = new SeatDay(0, 0, 0, 0, 0, 0);

	static SeatDay of(MonitorWallMapper.StateChange before, List<MonitorWallMapper.StateChange> today, Instant start, Instant now) {
		long login = 0;
		long busy = 0;
		long rest = 0;
		long talk = 0;
		long wrapUp = 0;
		long idle = 0;
		String status = before == null ? "OFFLINE" : before.status();
		String state = before == null ? "WAITING" : before.state();
		Instant from = start;
		for (int i = 0; i <= today.size(); i++) {
			Instant until = i < today.size() ? today.get(i).occurredAt() : now;
			long ms = Math.max(0, Duration.between(from, until).toMillis()); // summed in ms, shown in s
			if (!"OFFLINE".equals(status)) {
				login += ms;
			}
			busy += "BUSY".equals(status) ? ms : 0;
			rest += "REST".equals(status) ? ms : 0;
			talk += "TALKING".equals(state) ? ms : 0;
			wrapUp += "WRAP_UP".equals(state) ? ms : 0;
			idle += "IDLE".equals(status) && "WAITING".equals(state) ? ms : 0;
			if (i < today.size()) {
				status = today.get(i).status();
				state = today.get(i).state();
				from = until;
			}
		}
		return new SeatDay(login / 1000, busy / 1000, rest / 1000, talk / 1000, wrapUp / 1000, idle / 1000);
	}
}
