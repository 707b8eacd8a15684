package com.calldesk.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The tenant's queue: its settings (administrators change them) and what it holds now (supervisors). */
@RestController
@RequestMapping("/api/acd")
@Tag(name = "ACD", description = "排队与分配 / queue and distribution")
class AcdApi {

	private final AcdSettingsService settings;

	private final AgentDesk desk;

	private final Acd acd;

	private final Clock clock;

	private final AcdJournal journal;

	AcdApi(AcdSettingsService settings, AgentDesk desk, Acd acd, Clock clock, AcdJournal journal) {
		this.settings = settings;
		this.desk = desk;
		this.acd = acd;
		this.clock = clock;
		this.journal = journal;
	}

	@GetMapping("/calls/{callId}/steps")
	@Operation(summary = "A call's way through the queue: queued, offered to whom, not answered why, answered, abandoned or overflowed")
	List<CallStep> steps(@org.springframework.web.bind.annotation.PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		return journal.stepsOf(me.tenantId(), callId);
	}

	@GetMapping("/settings")
	@Operation(summary = "Strategy, sticky agent, ring timeout, wrap-up, no-answer limit and delay, max wait, queue size")
	AcdSettings settings(@AuthenticationPrincipal SignedInUser me) {
		return settings.of(me.tenantId());
	}

	@PutMapping("/settings")
	@Operation(summary = "Change the queue settings (tenant administrators)")
	AcdSettings save(@Valid @RequestBody AcdSettings changed, @AuthenticationPrincipal SignedInUser me) {
		return settings.save(me.tenantId(), changed, me.username());
	}

	@GetMapping("/agents")
	@Operation(summary = "Every seat's agent now (supervisors)")
	List<AgentApi.AgentView> agents(@AuthenticationPrincipal SignedInUser me) {
		return desk.agents(me.tenantId()).stream().map(AgentApi.AgentView::of).toList();
	}

	@GetMapping("/queue")
	@Operation(summary = "Calls waiting now, longest first, with how long they have waited (supervisors)")
	List<WaitingCall> queue(@AuthenticationPrincipal SignedInUser me) {
		Instant now = clock.instant();
		return acd.waitingOf(me.tenantId()).stream()
			.map(w -> new WaitingCall(w.call().callId(), w.call().customerNumber(), w.since(), Duration.between(w.since(), now).toSeconds()))
			.toList();
	}

	record WaitingCall(String callId, String customerNumber, Instant since, long waitedSeconds) {
	}
}
