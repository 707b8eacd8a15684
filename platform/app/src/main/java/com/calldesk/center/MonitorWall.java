package com.calldesk.center;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.acd.AgentDesk;
import com.calldesk.acd.SeatAgent;
import com.calldesk.calls.AgentStatus;
import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.users.SignedInUser;

/**
 * The monitor wall (F23): every seat of the tenant as it stands now on the ACD board — status and time
 * in it, the bound user, the phone — with its day so far from the records and journals: calls in and
 * out with their talk time, answer rate of the calls offered to it, and time signed in, busy, resting,
 * talking and in after-call work. A supervisor may switch an agent's status from here.
 */
@Component
class MonitorWall {

	private static final Logger log = LoggerFactory.getLogger(MonitorWall.class);

	private final MonitorWallMapper mapper;

	private final SeatSettings seats;

	private final AgentDesk board;

	private final Locations locations;

	private final CenterToday clock;

	MonitorWall(MonitorWallMapper mapper, SeatSettings seats, AgentDesk board, Locations locations, CenterToday clock) {
		this.mapper = mapper;
		this.seats = seats;
		this.board = board;
		this.locations = locations;
		this.clock = clock;
	}

	/**
	 * @param answerRate the seat's answers of the calls the queue offered it ({@code answeredOffers ÷ offered}),
	 *        null when none was offered
	 */
	record SeatLine(String seat, String seatNumber, String userName, String displayName, String status, String state, Instant since,
			String reason, String callId, boolean phoneRegistered, long inboundAnswered, long inboundTalkSeconds, long outboundCalls,
			long outboundAnswered, long outboundTalkSeconds, long offered, long answeredOffers, Double answerRate, long loginSeconds,
			long busySeconds, long restSeconds, long talkSeconds, long wrapUpSeconds) {
	}

	record Wall(Instant from, Instant at, List<SeatLine> seats) {
	}

	@Transactional(readOnly = true)
	Wall now(long tenantId) {
		return read(tenantId, null);
	}

	/** One seat's line alone (the answer to a switch): its own reads, not the wall's. */
	@Transactional(readOnly = true)
	SeatLine line(long tenantId, String seat) {
		return read(tenantId, seat).seats().stream().findFirst().orElseThrow(() -> DomainException.notFound("call.seat-not-found", seat));
	}

	/** The wall, or with {@code only} that seat's line alone. */
	private Wall read(long tenantId, String only) {
		Instant start = clock.start();
		Instant now = clock.now();
		Instant to = now.plusSeconds(1);
		Map<String, SeatAgent> agents = (only == null ? board.agents(tenantId) : board.agent(tenantId, only).stream().toList()).stream()
			.collect(Collectors.toMap(SeatAgent::seat, Function.identity()));
		Map<String, List<MonitorWallMapper.SeatCalls>> calls = mapper.calls(start, to, only).stream()
			.collect(Collectors.groupingBy(MonitorWallMapper.SeatCalls::seat));
		Map<String, MonitorWallMapper.SeatOffers> offers = mapper.offers(start, to, only).stream()
			.collect(Collectors.toMap(MonitorWallMapper.SeatOffers::seat, Function.identity()));
		Map<String, List<MonitorWallMapper.StateChange>> changes = mapper.changes(start, to, only).stream()
			.collect(Collectors.groupingBy(MonitorWallMapper.StateChange::seat));
		Map<String, MonitorWallMapper.StateChange> before = mapper.lastBefore(start, only).stream()
			.collect(Collectors.toMap(MonitorWallMapper.StateChange::seat, Function.identity(), (a, b) -> a));
		List<SeatLine> lines = new ArrayList<>();
		for (SeatSettings.SeatRow row : seats.list()) {
			String seat = row.sipUsername();
			if (only != null && !only.equals(seat)) {
				continue;
			}
			SeatAgent agent = agents.getOrDefault(seat, SeatAgent.offline(tenantId, seat, now));
			List<MonitorWallMapper.SeatCalls> mine = calls.getOrDefault(seat, List.of());
			MonitorWallMapper.SeatCalls in = of(mine, "INBOUND");
			MonitorWallMapper.SeatCalls out = of(mine, "OUTBOUND");
			MonitorWallMapper.SeatOffers offered = offers.get(seat);
			SeatDay day = SeatDay.of(before.get(seat), changes.getOrDefault(seat, List.of()), start, now);
			long offeredCalls = offered == null ? 0 : offered.offered();
			long answeredOffers = offered == null ? 0 : offered.answered();
			lines.add(new SeatLine(seat, row.seatLabel(), row.user() == null ? null : row.user().getUsername(),
					row.user() == null ? null : row.user().getDisplayName(), agent.status().name(), agent.state().name(), agent.since(),
					agent.reason(), agent.callId(), !locations.of(seat).isEmpty(), in.answered(), in.talkSeconds(), out.calls(), out.answered(),
					out.talkSeconds(), offeredCalls, answeredOffers, offeredCalls == 0 ? null : (double) answeredOffers / offeredCalls,
					day.loginSeconds(), day.busySeconds(), day.restSeconds(), day.talkSeconds(), day.wrapUpSeconds()));
		}
		return new Wall(start, now, lines);
	}

	private static MonitorWallMapper.SeatCalls of(List<MonitorWallMapper.SeatCalls> calls, String direction) {
		return calls.stream().filter(c -> direction.equals(c.direction())).findFirst()
			.orElse(new MonitorWallMapper.SeatCalls(null, direction, 0, 0, 0));
	}

	/** A supervisor sets an agent's status, as the agent could on the desk; the agent's desk hears of it live. */
	SeatLine choose(SignedInUser me, String seat, AgentStatus status, String reason) {
		if (seats.list().stream().noneMatch(row -> row.sipUsername().equals(seat))) {
			throw DomainException.notFound("call.seat-not-found", seat);
		}
		if (reason != null && status != AgentStatus.REST) {
			throw DomainException.badRequest("agent.reason-only-resting");
		}
		board.choose(me.tenantId(), seat, status, reason);
		log.info("{} of tenant {} set seat {} to {}{}", me.username(), me.tenantCode(), seat, status, reason == null ? "" : " (" + reason + ")");
		return line(me.tenantId(), seat);
	}
}
