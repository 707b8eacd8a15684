package com.calldesk.center;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.acd.Acd;
import com.calldesk.problem.DomainException;

/**
 * The service-level wallboard (B3) of one day in China: the queue now (today only), the day's figures
 * with their formulas (ANCHORS: SL, answer rate, abandon rate, ASA), occupancy and AHT from the agents'
 * journal, and the same figures hour by hour for the charts and the hour table.
 */
@Component
class ServiceLevelBoard {

	static final String AHT = "(inbound talk + agents' wrap-up) ÷ inbound answered";

	private final CallListMapper calls;

	private final MonitorWallMapper journal;

	private final TodayFigures figures;

	private final Acd acd;

	private final CenterToday clock;

	ServiceLevelBoard(CallListMapper calls, MonitorWallMapper journal, TodayFigures figures, Acd acd, CenterToday clock) {
		this.calls = calls;
		this.journal = journal;
		this.figures = figures;
		this.acd = acd;
		this.clock = clock;
	}

	/** The queue as it stands; null on a past day. */
	record Queue(int waiting, long longestWaitSeconds) {
	}

	/** One hour: its calls' figures, and the agents' occupancy and AHT within it. */
	record Hour(int hour, TodayFigures.Figures figures, TodayFigures.Rate occupancy, Double averageHandleSeconds) {
	}

	/**
	 * @param occupancy (talk + wrap-up) ÷ (talk + wrap-up + free and waiting), over every seat's day
	 * @param averageHandleSeconds (inbound talk + agents' wrap-up) ÷ inbound answered
	 */
	record Board(LocalDate day, Queue queue, TodayFigures.Figures figures, TodayFigures.Rate occupancy, Double averageHandleSeconds,
			String averageHandleFormula, List<Hour> hours) {
	}

	@Transactional(readOnly = true)
	Board of(long tenantId, String day) {
		LocalDate today = clock.today();
		LocalDate wanted = parse(day, today);
		if (wanted.isAfter(today)) {
			throw DomainException.badRequest("center.day.future", wanted);
		}
		Instant from = wanted.atStartOfDay(CallListQuery.CHINA).toInstant();
		Instant end = wanted.plusDays(1).atStartOfDay(CallListQuery.CHINA).toInstant();
		Instant now = clock.now();
		Instant until = wanted.equals(today) ? now : end;
		int sl = figures.serviceLevelSeconds();
		TodayFigures.Figures total = TodayFigures.of(from, until, sl,
				calls.figures(from, until.plusSeconds(1), sl, TodayFigures.SHORT_ABANDON_S));

		Map<String, List<MonitorWallMapper.StateChange>> changes = journal.changes(from, until.plusSeconds(1), null).stream()
			.collect(Collectors.groupingBy(MonitorWallMapper.StateChange::seat));
		Map<String, MonitorWallMapper.StateChange> before = journal.lastBefore(from, null).stream()
			.collect(Collectors.toMap(MonitorWallMapper.StateChange::seat, c -> c, (a, b) -> a));
		AgentTime agentDay = AgentTime.over(before, changes, from, until);
		AgentTime[] agentHours = AgentTime.hourly(before, changes, from, 24, until);

		Map<Long, List<CallListMapper.HourFigures>> byHour = calls.hourly(from, until.plusSeconds(1), sl, TodayFigures.SHORT_ABANDON_S)
			.stream().collect(Collectors.groupingBy(CallListMapper.HourFigures::hourOfDay));
		List<Hour> hours = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			Instant start = from.plus(Duration.ofHours(h));
			List<CallListMapper.TabFigures> tabs = byHour.getOrDefault((long) h, List.of()).stream().map(CallListMapper.HourFigures::figures)
				.toList();
			TodayFigures.Figures hour = TodayFigures.of(start, start.plus(Duration.ofHours(1)), sl, tabs);
			hours.add(new Hour(h, hour, agentHours[h].occupancy(), agentHours[h].averageHandleSeconds(hour)));
		}
		Queue queue = null;
		if (wanted.equals(today)) {
			List<Acd.Waiting> waiting = acd.waitingOf(tenantId);
			queue = new Queue(waiting.size(), waiting.isEmpty() ? 0 : Math.max(0, Duration.between(waiting.get(0).since(), now).toSeconds()));
		}
		return new Board(wanted, queue, total, agentDay.occupancy(), agentDay.averageHandleSeconds(total), AHT, hours);
	}

	private static LocalDate parse(String day, LocalDate today) {
		if (day == null || day.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(day.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw DomainException.badRequest("center.date.invalid", "day", day);
		}
	}
}
