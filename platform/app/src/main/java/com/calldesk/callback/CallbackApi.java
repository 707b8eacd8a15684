package com.calldesk.callback;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.recording.AudioResponses;
import com.calldesk.recording.RecordingUse;
import com.calldesk.recording.SignedLinks;
import com.calldesk.users.SignedInUser;

@Tag(name = "Callbacks", description = "回拨任务 — missed callers to call back (B2)")
@RestController
@RequestMapping("/api/callbacks")
class CallbackApi {

	private final CallbackTasks tasks;

	private final TaskVoicemails voicemails;

	CallbackApi(CallbackTasks tasks, TaskVoicemails voicemails) {
		this.tasks = tasks;
		this.voicemails = voicemails;
	}

	@GetMapping
	@Operation(summary = "Open tasks, soonest due first (status=DONE: closed ones, latest first); agents get their own, "
			+ "supervisors and administrators everyone's unless mine=true")
	List<CallbackTask> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine,
			@AuthenticationPrincipal SignedInUser me) {
		return tasks.list(me, status, mine);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A task with its attempts")
	CallbackTasks.Detail detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return tasks.detail(me, id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close the task with an outcome (CALLED_BACK, RESOLVED, NO_NEED, UNREACHABLE, WRONG_NUMBER); pass the version "
			+ "you saw: 409 if somebody closed or changed it meanwhile")
	CallbackTasks.Detail close(@PathVariable long id, @RequestBody Outcome outcome, @AuthenticationPrincipal SignedInUser me) {
		return tasks.close(me, id, outcome.outcome(), outcome.note(), outcome.version());
	}

	@PostMapping("/{id}/attempts")
	@Operation(summary = "Write down an attempt that did not reach the caller (NOT_REACHED, BUSY, LEFT_MESSAGE, CALL_LATER); the task stays open")
	CallbackTasks.Detail attempt(@PathVariable long id, @RequestBody Outcome outcome, @AuthenticationPrincipal SignedInUser me) {
		return tasks.attempt(me, id, outcome.outcome(), outcome.note());
	}

	@GetMapping("/{id}/voicemails")
	@Operation(summary = "The messages the task's calls left, oldest first, for whoever may work the task")
	List<TaskVoicemails.Message> voicemails(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return voicemails.of(me, id);
	}

	@PostMapping("/{id}/voicemails/{voicemail}/links")
	@Operation(summary = "A link to play (PLAY) or download (DOWNLOAD) one of the task's messages, for the signed-in user only; audited")
	SignedLinks.Link voicemailLink(@PathVariable long id, @PathVariable long voicemail, @RequestBody(required = false) LinkRequest request,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		RecordingUse use = request == null || request.use() == null ? RecordingUse.PLAY : request.use();
		return voicemails.link(me, id, voicemail, use, http.getRemoteAddr());
	}

	@GetMapping(value = "/{id}/voicemails/{voicemail}/audio", produces = "audio/wav")
	@Operation(summary = "The message (WAV), by a link from /links; byte ranges supported; the first playback marks it heard")
	ResponseEntity<Resource> voicemailAudio(@PathVariable long id, @PathVariable long voicemail, @RequestParam long t, @RequestParam long u,
			@RequestParam String use, @RequestParam long exp, @RequestParam String sig,
			@RequestHeader(value = HttpHeaders.RANGE, required = false) String range, @AuthenticationPrincipal SignedInUser me,
			HttpServletRequest http) {
		boolean firstByte = range == null || range.startsWith("bytes=0-");
		TaskVoicemails.Audio audio = voicemails.open(me, id, voicemail, t, u, use, exp, sig, firstByte, http.getRemoteAddr());
		return AudioResponses.wav(audio.file(), audio.use(), "留言-" + voicemail + ".wav");
	}

	record Outcome(String outcome, String note, Integer version) {
	}

	record LinkRequest(RecordingUse use) {
	}
}
