package com.calldesk.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;

/**
 * The agent's calls of the day (the workbench's call list, F19): those whose record names the seat and
 * those the seat took and transferred on, newest first, each with its service note.
 */
@Service
class SessionCalls {

	static final int LIMIT = 50;

	private final ActivityMapper activity;

	private final CallNoteMapper notes;

	private final Today today;

	SessionCalls(ActivityMapper activity, CallNoteMapper notes, Today today) {
		this.activity = activity;
		this.notes = notes;
		this.today = today;
	}

	List<DeskCall> of(String seat) {
		Instant since = today.start();
		List<CallRow> calls = new ArrayList<>(activity.callsOfSeat(seat, since, LIMIT));
		Set<String> seen = calls.stream().map(CallRow::id).collect(Collectors.toSet());
		List<String> handedOn = activity.callsWithLegTo(seat, since).stream().filter(id -> !seen.contains(id)).toList();
		if (!handedOn.isEmpty()) {
			calls.addAll(activity.calls(handedOn));
		}
		calls.sort(Comparator.comparing(CallRow::offeredAt).reversed());
		List<CallRow> shown = calls.size() > LIMIT ? calls.subList(0, LIMIT) : calls;
		if (shown.isEmpty()) {
			return List.of();
		}
		Map<String, String> noteOf = notes.of(shown.stream().map(CallRow::id).toList()).stream()
			.collect(Collectors.toMap(CallNote::callId, CallNote::text));
		Instant now = today.now();
		return shown.stream().map(c -> new DeskCall(c.id(), c.direction(), c.customerNumber(),
				PhoneNumbers.parse(c.customerNumber()).orElse(null), c.seat(), c.offeredAt(), c.answeredAt(), c.endedAt(),
				c.durationSeconds(now), noteOf.get(c.id()))).toList();
	}

	/** One line of the call list; {@code note} null while the call has none. */
	record DeskCall(String callId, String direction, String customerNumber, PhoneNumber customer, String seat, Instant startedAt,
			Instant answeredAt, Instant endedAt, long durationSeconds, String note) {
	}
}
