package com.calldesk.recording;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Recordings", description = "录音 — short-lived links to a call's stereo recording, its audit and legal hold")
@RestController
@RequestMapping("/api/recordings/{callId}")
class RecordingApi {

	private final Recordings recordings;

	RecordingApi(Recordings recordings) {
		this.recordings = recordings;
	}

	@PostMapping("/links")
	@Operation(summary = "A link to play (PLAY) or download (DOWNLOAD) the recording, for the signed-in user only, valid for minutes; "
			+ "supervisors and administrators: any call of the tenant; agents: calls their seat took")
	SignedLinks.Link link(@PathVariable String callId, @RequestBody(required = false) LinkRequest request,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		RecordingUse use = request == null || request.use() == null ? RecordingUse.PLAY : request.use();
		return recordings.link(me, callId, use, http.getRemoteAddr());
	}

	@GetMapping(value = "/audio", produces = "audio/wav")
	@Operation(summary = "The recording, by a link from /links (byte ranges supported, so the player can seek)")
	ResponseEntity<Resource> audio(@PathVariable String callId, @RequestParam long t, @RequestParam long u, @RequestParam String use,
			@RequestParam long exp, @RequestParam String sig, @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		boolean firstByte = range == null || range.startsWith("bytes=0-");
		Recordings.Audio audio = recordings.open(me, callId, t, u, use, exp, sig, firstByte, http.getRemoteAddr());
		return AudioResponses.wav(audio.file(), audio.use(), "录音-" + callId + ".wav");
	}

	@GetMapping("/access")
	@Operation(summary = "Who handed out, played, downloaded, held or released this recording, newest first (supervisors, administrators)")
	List<RecordingMapper.RecordingAccess> access(@PathVariable String callId) {
		return recordings.accessOf(callId);
	}

	@PutMapping("/hold")
	@Operation(summary = "Put the recording under legal hold (kept past retention) or release it (administrators)")
	HoldState hold(@PathVariable String callId, @RequestBody HoldState state, @AuthenticationPrincipal SignedInUser me,
			HttpServletRequest http) {
		recordings.hold(me, callId, state.hold(), http.getRemoteAddr());
		return state;
	}

	record LinkRequest(RecordingUse use) {
	}

	record HoldState(boolean hold) {
	}
}
