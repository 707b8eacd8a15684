package com.calldesk.center;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agents' time over a stretch of the day, all seats summed: worked (talk + wrap-up), free and
 * waiting for a call, and the wrap-up alone, for occupancy and AHT. Each seat's journal is cut at
 * the stretch's edges, carrying the state it was in across them.
 */
record AgentTime(long workedSeconds, long freeSeconds, long wrapUpSeconds) {

	static final String OCCUPANCY = "(talk + wrap-up) ÷ (talk + wrap-up + free)";

	TodayFigures.Rate occupancy() {
		return TodayFigures.Rate.of(workedSeconds, workedSeconds + freeSeconds, OCCUPANCY);
	}

	/** (inbound talk + wrap-up) ÷ inbound answered, or null with nothing answered. */
	Double averageHandleSeconds(TodayFigures.Figures calls) {
		return calls.inboundAnswered() == 0 ? null : (double) (calls.inboundTalkSeconds() + wrapUpSeconds) / calls.inboundAnswered();
	}

	/**
	 * Each of {@code hours} hours from {@code from}, and no further than {@code until} (an hour that has
	 * not begun yet is empty).
	 *
	 * @param before each seat's last change before {@code from}
	 * @param changes each seat's changes from {@code from}, oldest first
	 */
	static AgentTime[] hourly(Map<String, MonitorWallMapper.StateChange> before, Map<String, List<MonitorWallMapper.StateChange>> changes,
			Instant from, int hours, Instant until) {
		long[][] sums = new long[hours][3];
		for (String seat : seats(before, changes)) {
			List<MonitorWallMapper.StateChange> journal = changes.getOrDefault(seat, List.of());
			MonitorWallMapper.StateChange last = before.get(seat);
			int next = 0;
			for (int h = 0; h < hours; h++) {
				Instant start = from.plus(Duration.ofHours(h));
				if (!start.isBefore(until)) {
					break;
				}
				Instant end = min(start.plus(Duration.ofHours(1)), until);
				int first = next;
				while (next < journal.size() && journal.get(next).occurredAt().isBefore(end)) {
					next++;
				}
				add(sums[h], SeatDay.of(last, journal.subList(first, next), start, end));
				if (next > 0) {
					last = journal.get(next - 1);
				}
			}
		}
		AgentTime[] times = new AgentTime[hours];
		for (int h = 0; h < hours; h++) {
			times[h] = new AgentTime(sums[h][0], sums[h][1], sums[h][2]);
		}
		return times;
	}

	static AgentTime over(Map<String, MonitorWallMapper.StateChange> before, Map<String, List<MonitorWallMapper.StateChange>> changes,
			Instant from, Instant until) {
		long[] sum = new long[3];
		for (String seat : seats(before, changes)) {
			add(sum, SeatDay.of(before.get(seat), changes.getOrDefault(seat, List.of()), from, until));
		}
		return new AgentTime(sum[0], sum[1], sum[2]);
	}

	private static void add(long[] sum, SeatDay seat) {
		sum[0] += seat.talkSeconds() + seat.wrapUpSeconds();
		sum[1] += seat.idleSeconds();
		sum[2] += seat.wrapUpSeconds();
	}

	private static Set<String> seats(Map<String, ?> before, Map<String, ?> changes) {
		Set<String> all = new TreeSet<>(before.keySet());
		all.addAll(changes.keySet());
		return all;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
