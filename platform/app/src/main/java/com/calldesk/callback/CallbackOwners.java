package com.calldesk.callback;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.seats.SeatSettings;

/**
 * Who calls a missed caller back: whoever sits at the seat that last talked with them (B5's sticky
 * agent), if somebody still does; else the next seat with somebody at it (an agent, or a supervisor who
 * takes calls) after the last one given a task, in seat
 * order (round robin, its position kept in the tenant's schema and locked while it moves, so two missed
 * calls at once go to two agents).
 */
@Component
class CallbackOwners {

	private final CallbackMapper mapper;

	private final SeatSettings seats;

	CallbackOwners(CallbackMapper mapper, SeatSettings seats) {
		this.mapper = mapper;
		this.seats = seats;
	}

	record Owner(String seat, Long userId, String reason) {

		static final Owner NOBODY = new Owner(null, null, "NONE");
	}

	/** Runs inside the caller's transaction (the rotation row stays locked until it commits). */
	Owner of(String caller) {
		List<SeatSettings.SeatRow> agents = seats.list().stream()
			.filter(row -> row.user() != null && row.user().isEnabled())
			.sorted(Comparator.comparing(SeatSettings.SeatRow::sipUsername))
			.toList();
		if (agents.isEmpty()) {
			return Owner.NOBODY;
		}
		var spellings = PhoneNumbers.spellingsOfNumber(caller);
		String last = spellings.isEmpty() ? null : mapper.lastSeatOf(spellings);
		for (SeatSettings.SeatRow agent : agents) {
			if (agent.sipUsername().equals(last)) {
				return new Owner(agent.sipUsername(), agent.user().getId(), "STICKY");
			}
		}
		String previous = mapper.lastRotatedSeat();
		SeatSettings.SeatRow next = agents.stream().filter(a -> previous == null || a.sipUsername().compareTo(previous) > 0).findFirst()
			.orElse(agents.get(0));
		mapper.rotatedTo(next.sipUsername());
		return new Owner(next.sipUsername(), next.user().getId(), "ROUND_ROBIN");
	}
}
