package com.calldesk.center;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.callback.CallbackTask;
import com.calldesk.callback.CallbackTasks;
import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;
import com.calldesk.recording.RecordingFiles;
import com.calldesk.recording.RecordingUse;
import com.calldesk.recording.Recordings;
import com.calldesk.recording.SignedLinks;
import com.calldesk.users.SignedInUser;

/**
 * The voicemail list of the call center page (F22): every message with who it is from, whether it was
 * heard and by whom, and its callback task; played through signed links like recordings (and audited
 * on its call); handled once, by whoever gets there first, closing its task with it.
 */
@Component
class VoicemailList {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final VoicemailListMapper mapper;

	private final CallListMapper owners;

	private final CallbackTasks callbacks;

	private final SignedLinks links;

	private final Recordings recordings;

	private final RecordingFiles files;

	private final Clock clock;

	VoicemailList(VoicemailListMapper mapper, CallListMapper owners, CallbackTasks callbacks, SignedLinks links, Recordings recordings,
			RecordingFiles files, Clock clock) {
		this.mapper = mapper;
		this.owners = owners;
		this.callbacks = callbacks;
		this.links = links;
		this.recordings = recordings;
		this.files = files;
		this.clock = clock;
	}

	/** A message as the list shows it; {@code handled} also when its task was closed by a call back. */
	record Line(long id, String callId, String customerNumber, String regionZh, String regionEn, String contactName, String customerName,
			String dialledNumber, String situation, String endedBy, Instant recordedAt, int durationMs, String heardBy, Instant heardAt,
			boolean handled, String handledBy, Instant handledAt, String outcome, CallLists.Callback callback) {
	}

	record Page(List<Line> lines, String next) {
	}

	record Audio(Path file, RecordingUse use) {
	}

	@Transactional(readOnly = true)
	Page page(LocalDate fromDay, LocalDate toDay, boolean openOnly, String cursor, Integer size) {
		int limit = size == null ? DEFAULT_PAGE : Math.max(1, Math.min(size, MAX_PAGE));
		ListCursor after = ListCursor.decode(cursor);
		Long afterId = null;
		if (after != null) {
			try {
				afterId = Long.parseLong(after.id());
			}
			catch (NumberFormatException e) {
				throw DomainException.badRequest("center.cursor.invalid");
			}
		}
		List<VoicemailListMapper.VoicemailRow> rows = mapper.page(fromDay.atStartOfDay(CallListQuery.CHINA).toInstant(),
				toDay.plusDays(1).atStartOfDay(CallListQuery.CHINA).toInstant(), openOnly, after == null ? null : after.offeredAt(), afterId,
				limit + 1);
		boolean more = rows.size() > limit;
		List<VoicemailListMapper.VoicemailRow> shown = more ? rows.subList(0, limit) : rows;
		VoicemailListMapper.VoicemailRow last = more ? shown.get(limit - 1) : null;
		return new Page(lines(shown), last == null ? null : new ListCursor(last.recordedAt(), Long.toString(last.id())).encode());
	}

	@Transactional(readOnly = true)
	Line line(long id) {
		VoicemailListMapper.VoicemailRow row = mapper.one(id);
		if (row == null) {
			throw DomainException.notFound("voicemail.not-found", id);
		}
		return lines(List.of(row)).get(0);
	}

	/** A link to play or download the message, for this user only; handing it out is audited on its call. */
	@Transactional
	SignedLinks.Link link(SignedInUser me, long id, RecordingUse use, String remote) {
		Line line = line(id);
		recordings.audit(me, line.callId(), "VOICEMAIL_LINK_" + use.name(), remote);
		return links.issue(me, subject(id), use, "/api/center/voicemails/" + id + "/audio");
	}

	/** Opens a link: the checks of recordings, then the file; reading from the start is a playback (audited, marks it heard). */
	@Transactional
	Audio open(SignedInUser me, long id, long tenantId, long userId, String use, long expires, String sig, boolean firstByte,
			String remote) {
		DomainException notFound = DomainException.notFound("voicemail.not-found", id);
		RecordingUse parsed = links.check(me, subject(id), tenantId, userId, use, expires, sig, notFound);
		Line line = line(id);
		Path file = files.of(me.tenantCode(), mapper.fileOf(id));
		if (file == null || !Files.isRegularFile(file)) {
			throw notFound;
		}
		if (firstByte) {
			recordings.audit(me, line.callId(), "VOICEMAIL_" + parsed.name(), remote);
			mapper.heard(id, me.username(), clock.instant());
		}
		return new Audio(file, parsed);
	}

	/**
	 * Marks the message handled with an outcome and closes its open task with it, in one transaction:
	 * whoever comes second — to the message or to its task — is told who was first (409) and changes nothing.
	 */
	@Transactional
	Line handle(SignedInUser me, long id, String outcome, String note, Integer taskVersion) {
		Line line = line(id);
		CallbackTasks.checkCloseOutcome(outcome);
		if (line.handled()) {
			throw DomainException.conflict("voicemail.already-handled", id, line.handledBy());
		}
		if (line.callback() != null && CallbackTask.OPEN.equals(line.callback().status())) {
			callbacks.close(me, line.callback().taskId(), outcome, note, taskVersion);
		}
		if (mapper.handled(id, me.username(), outcome, clock.instant()) == 0) {
			throw DomainException.conflict("voicemail.already-handled", id, mapper.one(id).handledBy());
		}
		return line(id);
	}

	private static String subject(long id) {
		return "voicemail:" + id;
	}

	private List<Line> lines(List<VoicemailListMapper.VoicemailRow> rows) {
		Map<String, PhoneNumber> parsed = rows.stream().map(VoicemailListMapper.VoicemailRow::customerNumber).filter(n -> n != null).distinct()
			.flatMap(n -> PhoneNumbers.parse(n).map(p -> Map.entry(n, p)).stream())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		var e164s = parsed.values().stream().map(PhoneNumber::e164).collect(Collectors.toSet());
		Map<String, CallListMapper.NumberOwner> owner = e164s.isEmpty() ? Map.of()
				: owners.owners(e164s).stream().collect(Collectors.toMap(CallListMapper.NumberOwner::e164, Function.identity(), (a, b) -> a));
		Map<Long, CallbackTask> tasks = callbacks.byIds(rows.stream().map(VoicemailListMapper.VoicemailRow::callbackTaskId)
			.filter(t -> t != null).distinct().toList()).stream().collect(Collectors.toMap(CallbackTask::id, Function.identity()));
		List<Line> lines = new ArrayList<>(rows.size());
		for (VoicemailListMapper.VoicemailRow row : rows) {
			PhoneNumber number = parsed.get(row.customerNumber());
			CallListMapper.NumberOwner who = number == null ? null : owner.get(number.e164());
			CallbackTask task = row.callbackTaskId() == null ? null : tasks.get(row.callbackTaskId());
			boolean byTask = task != null && CallbackTask.DONE.equals(task.status());
			boolean handled = row.handledAt() != null || byTask;
			lines.add(new Line(row.id(), row.callId(), row.customerNumber(), number == null ? null : number.regionZh(),
					number == null ? null : number.regionEn(), who == null ? null : who.contactName(), who == null ? null : who.customerName(),
					row.dialledNumber(), row.situation(), row.endedBy(), row.recordedAt(), row.durationMs(), row.heardBy(), row.heardAt(), handled,
					row.handledAt() != null ? row.handledBy() : byTask ? task.closedBy() : null,
					row.handledAt() != null ? row.handledAt() : byTask ? task.closedAt() : null,
					row.handledAt() != null ? row.handledOutcome() : byTask ? task.outcome() : null,
					task == null ? null : CallLists.Callback.of(task)));
		}
		return lines;
	}
}
