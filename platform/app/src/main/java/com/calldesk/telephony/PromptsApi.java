package com.calldesk.telephony;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Prompts", description = "提示音 — the tenant's own greeting and messages")
@RestController
@RequestMapping("/api/acd/prompts")
class PromptsApi {

	private final TenantPrompts prompts;

	PromptsApi(TenantPrompts prompts) {
		this.prompts = prompts;
	}

	@GetMapping
	@Operation(summary = "Every prompt calls can play, and whether the tenant recorded its own")
	List<TenantPrompts.PromptView> list(@AuthenticationPrincipal SignedInUser me) {
		return prompts.of(me.tenantCode());
	}

	@PutMapping(value = "/{name}", consumes = { "audio/wav", "audio/x-wav", "application/octet-stream" })
	@Operation(summary = "Replace a prompt with the tenant's own WAV (8 kHz, 16-bit, mono; tenant administrators)")
	TenantPrompts.PromptView upload(@PathVariable String name, @RequestBody byte[] wav, @AuthenticationPrincipal SignedInUser me) {
		return prompts.upload(me.tenantCode(), name, wav);
	}

	@DeleteMapping("/{name}")
	@Operation(summary = "Back to the shipped Mandarin prompt (tenant administrators)")
	TenantPrompts.PromptView reset(@PathVariable String name, @AuthenticationPrincipal SignedInUser me) {
		return prompts.reset(me.tenantCode(), name);
	}
}
