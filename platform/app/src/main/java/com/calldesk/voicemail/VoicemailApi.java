package com.calldesk.voicemail;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Voicemail", description = "留言 — messages callers left when nobody could answer")
@RestController
@RequestMapping("/api/voicemails")
@Validated
class VoicemailApi {

	private final VoicemailBox box;

	VoicemailApi(VoicemailBox box) {
		this.box = box;
	}

	@GetMapping
	@Operation(summary = "The tenant's voicemails, newest first")
	List<Voicemail> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return box.newest(page, size);
	}

	@GetMapping("/{id}")
	Voicemail get(@PathVariable long id) {
		return box.get(id);
	}

	@GetMapping(value = "/{id}/audio", produces = "audio/wav")
	@Operation(summary = "The message as a WAV (8 kHz mono) to play in the browser")
	ResponseEntity<Resource> audio(@PathVariable long id) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav")).body(new FileSystemResource(box.audio(id)));
	}

	@PostMapping("/{id}/heard")
	@Operation(summary = "Marks the message heard (the first listener is kept)")
	Voicemail heard(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return box.heard(id, me.username());
	}
}
