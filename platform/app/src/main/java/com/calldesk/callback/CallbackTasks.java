package com.calldesk.callback;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.users.Role;
import com.calldesk.users.SignedInUser;

/** Callback tasks as people work them: lists, the detail with its attempts, closing by hand. */
@Service
public class CallbackTasks {

	/** What a person may write as the outcome of a task they close by hand. */
	static final Set<String> OUTCOMES = Set.of("CALLED_BACK", "RESOLVED", "NO_NEED", "UNREACHABLE", "WRONG_NUMBER");

	/** What a person may write for an attempt that did not close the task. */
	static final Set<String> ATTEMPT_OUTCOMES = Set.of("NOT_REACHED", "BUSY", "LEFT_MESSAGE", "CALL_LATER");

	static final int MAX_LIST = 200;

	private final CallbackMapper mapper;

	private final CallbackNews news;

	private final Clock clock;

	CallbackTasks(CallbackMapper mapper, CallbackNews news, Clock clock) {
		this.mapper = mapper;
		this.news = news;
		this.clock = clock;
	}

	public record Detail(CallbackTask task, List<CallbackAttempt> attempts) {
	}

	/** Refuses an outcome a task cannot be closed with (400, the valid ones named). */
	public static void checkCloseOutcome(String outcome) {
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			throw DomainException.badRequest("callback.outcome.invalid", outcome, String.join(", ", new java.util.TreeSet<>(OUTCOMES)));
		}
	}

	/** Open (soonest due first) or done (latest first); an agent sees their own, supervisors everyone's. */
	public List<CallbackTask> list(SignedInUser me, String status, boolean mineOnly) {
		String wanted = status == null || status.isBlank() ? CallbackTask.OPEN : status.strip().toUpperCase(java.util.Locale.ROOT);
		if (!wanted.equals(CallbackTask.OPEN) && !wanted.equals(CallbackTask.DONE)) {
			throw DomainException.badRequest("callback.status.invalid", status);
		}
		Long owner = mineOnly || me.role() == Role.AGENT ? me.userId() : null;
		return mapper.list(wanted, owner, MAX_LIST);
	}

	public Detail detail(SignedInUser me, long id) {
		CallbackTask task = visible(me, id);
		return new Detail(task, mapper.attemptsOf(id));
	}

	/**
	 * Closes an open task with an outcome. {@code version} is the one the closer saw: if somebody closed
	 * or changed it since, this close loses and is told who closed it (409), nothing is written.
	 */
	@Transactional
	public Detail close(SignedInUser me, long id, String outcome, String note, Integer version) {
		CallbackTask task = visible(me, id);
		checkCloseOutcome(outcome);
		String cleanNote = note(note);
		if (mapper.close(id, version, outcome, cleanNote, null, me.username(), clock.instant()) == 0) {
			CallbackTask now = mapper.byId(id);
			if (CallbackTask.DONE.equals(now.status())) {
				throw DomainException.conflict("callback.already-closed", id, now.closedBy());
			}
			throw DomainException.conflict("callback.changed", id);
		}
		mapper.attempt(id, null, outcome, cleanNote, me.username(), clock.instant());
		CallbackTask closed = mapper.byId(id);
		news.changed(closed);
		return new Detail(closed, mapper.attemptsOf(id));
	}

	/** An attempt written by hand (a call that was not placed through CallDesk, a message left…); the task stays open. */
	@Transactional
	public Detail attempt(SignedInUser me, long id, String outcome, String note) {
		CallbackTask task = visible(me, id);
		if (!CallbackTask.OPEN.equals(task.status())) {
			throw DomainException.conflict("callback.already-closed", id, task.closedBy());
		}
		if (outcome == null || !ATTEMPT_OUTCOMES.contains(outcome)) {
			throw DomainException.badRequest("callback.outcome.invalid", outcome, String.join(", ", new java.util.TreeSet<>(ATTEMPT_OUTCOMES)));
		}
		mapper.attempt(id, null, outcome, note(note), me.username(), clock.instant());
		mapper.attempted(id, clock.instant());
		CallbackTask tried = mapper.byId(id);
		news.changed(tried);
		return new Detail(tried, mapper.attemptsOf(id));
	}

	/** The tasks with these ids (the call center page's missed tab shows each call's). */
	public List<CallbackTask> byIds(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : mapper.byIds(ids);
	}

	/** A task of the tenant the user may work: another tenant's is not found; an agent's colleague's is forbidden. */
	CallbackTask visible(SignedInUser me, long id) {
		CallbackTask task = mapper.byId(id);
		if (task == null) {
			throw DomainException.notFound("callback.not-found", id);
		}
		if (me.role() == Role.AGENT && (task.ownerUserId() == null || task.ownerUserId() != me.userId())) {
			throw new DomainException(org.springframework.http.HttpStatus.FORBIDDEN, "callback.not-yours", id);
		}
		return task;
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		if (note.length() > 500) {
			throw DomainException.badRequest("callback.note.too-long", 500);
		}
		return note.strip();
	}
}
