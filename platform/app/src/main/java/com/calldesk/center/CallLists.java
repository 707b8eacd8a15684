package com.calldesk.center;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.callback.CallbackTask;
import com.calldesk.callback.CallbackTasks;
import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;

/** The call center page's lists: one page of one tab, with who each caller is. */
@Component
public class CallLists {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final CallListMapper mapper;

	private final CallbackTasks callbacks;

	CallLists(CallListMapper mapper, CallbackTasks callbacks) {
		this.mapper = mapper;
		this.callbacks = callbacks;
	}

	/** One line as the page shows it. */
	public record Line(String id, String tab, String customerNumber, String regionZh, String regionEn, String dialledNumber, String trunkNumber,
			String displayNumber, String seat, Instant offeredAt, Instant answeredAt, Instant endedAt, String endedBy,
			String endReason, long waitSeconds, long talkSeconds, boolean recorded, long costFen, Long contactId,
			String contactName, Long customerId, String customerName, Callback callback) {
	}

	/** The callback task a missed call opened or folded into (B2): how it stands. */
	public record Callback(long taskId, String status, String ownerSeat, Instant dueAt, int missedCalls, int attempts, String outcome,
			String closedBy, int version) {

		static Callback of(CallbackTask task) {
			return new Callback(task.id(), task.status(), task.ownerSeat(), task.dueAt(), task.missedCalls(), task.attempts(), task.outcome(),
					task.closedBy(), task.version());
		}
	}

	public record Page(List<Line> lines, String next) {
	}

	@Transactional(readOnly = true)
	public Page page(CallListQuery query, String cursor, Integer size) {
		int limit = size == null ? DEFAULT_PAGE : Math.max(1, Math.min(size, MAX_PAGE));
		Set<String> numbers = numbersOf(query);
		if (numbers != null && numbers.isEmpty()) {
			return new Page(List.of(), null);
		}
		List<CallListRow> rows = mapper.page(query, numbers, ListCursor.decode(cursor), limit + 1);
		boolean more = rows.size() > limit;
		List<CallListRow> shown = more ? rows.subList(0, limit) : rows;
		String next = more ? new ListCursor(shown.get(limit - 1).offeredAt(), shown.get(limit - 1).id()).encode() : null;
		return new Page(lines(shown), next);
	}

	/** How many lines the list has; numbers as {@link #numbersOf} gave them. */
	@Transactional(readOnly = true)
	long count(CallListQuery query, Set<String> numbers) {
		return numbers != null && numbers.isEmpty() ? 0 : mapper.count(query, numbers);
	}

	/** The lines after {@code after} (null: from the newest), without the page's cap: the export's read. */
	@Transactional(readOnly = true)
	List<Line> chunk(CallListQuery query, Set<String> numbers, ListCursor after, int limit) {
		return numbers != null && numbers.isEmpty() ? List.of() : lines(mapper.page(query, numbers, after, limit));
	}

	/** One ended call as its list shows it, or null when the tenant has no such ended call. */
	@Transactional(readOnly = true)
	public Line line(String callId) {
		CallListRow row = callId == null || callId.length() > 36 ? null : mapper.one(callId);
		return row == null ? null : lines(List.of(row)).get(0);
	}

	/** Every spelling of the numbers the filters name, or null when no filter names a number. */
	Set<String> numbersOf(CallListQuery query) {
		Set<String> ofNumber = query.number() == null ? null : PhoneNumbers.spellings(query.number());
		if (query.customerId() == null) {
			return ofNumber;
		}
		Set<String> ofCustomer = new LinkedHashSet<>();
		mapper.numbersOfCustomer(query.customerId()).forEach(e164 -> ofCustomer.addAll(PhoneNumbers.spellings(e164)));
		if (ofNumber != null) {
			ofCustomer.retainAll(ofNumber);
		}
		return ofCustomer;
	}

	private List<Line> lines(List<CallListRow> rows) {
		Map<String, PhoneNumber> parsed = rows.stream().map(CallListRow::customerNumber).filter(n -> n != null).distinct()
			.flatMap(n -> PhoneNumbers.parse(n).map(p -> Map.entry(n, p)).stream())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Set<String> e164s = parsed.values().stream().map(PhoneNumber::e164).collect(Collectors.toSet());
		Map<String, CallListMapper.NumberOwner> owners = e164s.isEmpty() ? Map.of()
				: mapper.owners(e164s).stream().collect(Collectors.toMap(CallListMapper.NumberOwner::e164, Function.identity(), (a, b) -> a));
		Map<Long, Callback> tasks = callbacks.byIds(rows.stream().map(CallListRow::callbackTaskId).filter(id -> id != null).distinct().toList())
			.stream().collect(Collectors.toMap(CallbackTask::id, Callback::of));
		List<Line> lines = new ArrayList<>(rows.size());
		for (CallListRow row : rows) {
			PhoneNumber number = parsed.get(row.customerNumber());
			CallListMapper.NumberOwner owner = number == null ? null : owners.get(number.e164());
			lines.add(new Line(row.id(), row.tab(), row.customerNumber(), number == null ? null : number.regionZh(),
					number == null ? null : number.regionEn(), row.dialledNumber(),
					row.trunkNumber(), row.displayNumber(), row.seat(), row.offeredAt(), row.answeredAt(), row.endedAt(), row.endedBy(),
					row.endReason(), seconds(row.offeredAt(), row.answeredAt() != null ? row.answeredAt() : row.endedAt()),
					seconds(row.answeredAt(), row.endedAt()), row.recorded(), row.costFen(),
					owner == null ? null : owner.contactId(), owner == null ? null : owner.contactName(),
					owner == null ? null : owner.customerId(), owner == null ? null : owner.customerName(), row.callbackTaskId() == null ? null : tasks.get(row.callbackTaskId())));
		}
		return lines;
	}

	private static long seconds(Instant from, Instant to) {
		return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
	}
}
