package com.calldesk.callback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.recording.RecordingFiles;
import com.calldesk.recording.RecordingUse;
import com.calldesk.recording.Recordings;
import com.calldesk.recording.SignedLinks;
import com.calldesk.users.SignedInUser;

/**
 * The messages behind a callback task, for whoever works it: the agent who owns the task hears what
 * the caller said before calling back, on their desk, without the supervisors' voicemail list. Played
 * through signed links like every recording, audited on the message's call, and the first playback
 * marks the message heard there too.
 */
@Component
class TaskVoicemails {

	private final CallbackTasks tasks;

	private final TaskVoicemailMapper mapper;

	private final SignedLinks links;

	private final Recordings recordings;

	private final RecordingFiles files;

	private final Clock clock;

	TaskVoicemails(CallbackTasks tasks, TaskVoicemailMapper mapper, SignedLinks links, Recordings recordings, RecordingFiles files,
			Clock clock) {
		this.tasks = tasks;
		this.mapper = mapper;
		this.links = links;
		this.recordings = recordings;
		this.files = files;
		this.clock = clock;
	}

	record Message(long id, String callId, Instant recordedAt, int durationMs, String heardBy, Instant heardAt) {
	}

	record Audio(Path file, RecordingUse use) {
	}

	@Transactional(readOnly = true)
	List<Message> of(SignedInUser me, long taskId) {
		tasks.visible(me, taskId);
		return mapper.of(taskId);
	}

	@Transactional
	SignedLinks.Link link(SignedInUser me, long taskId, long id, RecordingUse use, String remote) {
		Message message = message(me, taskId, id);
		recordings.audit(me, message.callId(), "VOICEMAIL_LINK_" + use.name(), remote);
		return links.issue(me, subject(taskId, id), use, "/api/callbacks/" + taskId + "/voicemails/" + id + "/audio");
	}

	/** Opens a link once the task is still this user's to work; reading from the start is a playback. */
	@Transactional
	Audio open(SignedInUser me, long taskId, long id, long tenantId, long userId, String use, long expires, String sig, boolean firstByte,
			String remote) {
		DomainException notFound = notFound(id);
		RecordingUse parsed = links.check(me, subject(taskId, id), tenantId, userId, use, expires, sig, notFound);
		Message message = message(me, taskId, id);
		Path file = files.of(me.tenantCode(), mapper.fileOf(taskId, id));
		if (file == null || !Files.isRegularFile(file)) {
			throw notFound;
		}
		if (firstByte) {
			recordings.audit(me, message.callId(), "VOICEMAIL_" + parsed.name(), remote);
			mapper.heard(id, me.username(), clock.instant());
		}
		return new Audio(file, parsed);
	}

	private Message message(SignedInUser me, long taskId, long id) {
		tasks.visible(me, taskId);
		Message message = mapper.one(taskId, id);
		if (message == null) {
			throw notFound(id);
		}
		return message;
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("voicemail.not-found", id);
	}

	private static String subject(long taskId, long id) {
		return "task-voicemail:" + taskId + ":" + id;
	}
}
