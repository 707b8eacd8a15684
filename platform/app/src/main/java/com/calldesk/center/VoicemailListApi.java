package com.calldesk.center;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

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

import com.calldesk.problem.DomainException;
import com.calldesk.recording.AudioResponses;
import com.calldesk.recording.RecordingUse;
import com.calldesk.recording.SignedLinks;
import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "语音留言 — the voicemail list: play, handle, with each message's callback task")
@RestController
@RequestMapping("/api/center/voicemails")
class VoicemailListApi {

	private final VoicemailList voicemails;

	private final CenterToday clock;

	VoicemailListApi(VoicemailList voicemails, CenterToday clock) {
		this.voicemails = voicemails;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The tenant's voicemails of a range of days, newest first, each with its callback task; pass next as cursor")
	VoicemailList.Page list(
			@Parameter(description = "first day (yyyy-MM-dd, China), default 30 days before the last") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included, default today") @RequestParam(required = false) String to,
			@Parameter(description = "OPEN: only those nobody has handled yet; ALL (default)") @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
		// the list's days as the call lists read them; 30 days up to the last one unless told otherwise
		java.time.LocalDate last = CallListQuery.parse("IN_MISSED", to, to, null, null, null, clock.today()).toDay();
		CallListQuery days = CallListQuery.parse("IN_MISSED", from == null || from.isBlank() ? last.minusDays(29).toString() : from,
				last.toString(), null, null, null, clock.today());
		boolean open = status != null && !status.isBlank() && !"ALL".equalsIgnoreCase(status.strip());
		if (open && !"OPEN".equalsIgnoreCase(status.strip())) {
			throw DomainException.badRequest("voicemail.status.invalid", status);
		}
		return voicemails.page(days.fromDay(), days.toDay(), open, cursor, size);
	}

	@GetMapping("/{id}")
	VoicemailList.Line get(@PathVariable long id) {
		return voicemails.line(id);
	}

	@PostMapping("/{id}/links")
	@Operation(summary = "A link to play (PLAY) or download (DOWNLOAD) the message, for the signed-in user only, valid for minutes; audited")
	SignedLinks.Link link(@PathVariable long id, @RequestBody(required = false) LinkRequest request, @AuthenticationPrincipal SignedInUser me,
			HttpServletRequest http) {
		RecordingUse use = request == null || request.use() == null ? RecordingUse.PLAY : request.use();
		return voicemails.link(me, id, use, http.getRemoteAddr());
	}

	@GetMapping(value = "/{id}/audio", produces = "audio/wav")
	@Operation(summary = "The message (WAV), by a link from /links; byte ranges supported; the first playback marks it heard")
	ResponseEntity<Resource> audio(@PathVariable long id, @RequestParam long t, @RequestParam long u, @RequestParam String use,
			@RequestParam long exp, @RequestParam String sig, @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		boolean firstByte = range == null || range.startsWith("bytes=0-");
		VoicemailList.Audio audio = voicemails.open(me, id, t, u, use, exp, sig, firstByte, http.getRemoteAddr());
		return AudioResponses.wav(audio.file(), audio.use(), "留言-" + id + ".wav");
	}

	@PostMapping("/{id}/handled")
	@Operation(summary = "Marks the message handled with an outcome (CALLED_BACK, RESOLVED, NO_NEED, UNREACHABLE, WRONG_NUMBER); its open "
			+ "callback task closes with it. Somebody else first: 409 naming them")
	VoicemailList.Line handled(@PathVariable long id, @RequestBody HandleRequest request, @AuthenticationPrincipal SignedInUser me) {
		return voicemails.handle(me, id, request.outcome(), request.note(), request.taskVersion());
	}

	record LinkRequest(RecordingUse use) {
	}

	/** {@code taskVersion}: the version of the task the page showed, so a task changed since is not closed blindly. */
	record HandleRequest(String outcome, String note, Integer taskVersion) {
	}
}
