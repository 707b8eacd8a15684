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

	private final PhoneRuleBook phoneRules;

	AcdApi(AcdSettingsService settings, AgentDesk desk, Acd acd, Clock clock, AcdJournal journal, PhoneRuleBook phoneRules) {
		this.settings = settings;
		this.desk = desk;
		this.acd = acd;
		this.clock = clock;
		this.journal = journal;
		this.phoneRules = phoneRules;
	}

	@GetMapping("/phone-rules")
	@Operation(summary = "Business hours (China time), holidays and make-up working days (F11); off = open around the clock")
	PhoneRulesView phoneRules(@AuthenticationPrincipal SignedInUser me) {
		return PhoneRulesView.of(phoneRules.of(me.tenantId()), clock.instant());
	}

	@PutMapping("/phone-rules")
	@Operation(summary = "Change the phone rules (tenant administrators); a call outside them hears the closed prompt")
	PhoneRulesView savePhoneRules(@Valid @RequestBody PhoneRulesChange changed, @AuthenticationPrincipal SignedInUser me) {
		PhoneRules rules;
		try {
			rules = new PhoneRules(changed.enabled(), java.util.Set.copyOf(changed.openDays()), changed.openFrom(), changed.openUntil(),
					java.util.Set.copyOf(changed.holidays()), java.util.Set.copyOf(changed.workdays()));
		}
		catch (IllegalArgumentException ex) {
			throw com.calldesk.problem.DomainException.badRequest("acd.phone-rules-invalid");
		}
		return PhoneRulesView.of(phoneRules.save(me.tenantId(), rules, me.username()), clock.instant());
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

	/** The phone rules as an administrator sends them. */
	record PhoneRulesChange(boolean enabled, @jakarta.validation.constraints.NotNull List<java.time.DayOfWeek> openDays,
			@jakarta.validation.constraints.NotNull java.time.LocalTime openFrom, @jakarta.validation.constraints.NotNull java.time.LocalTime openUntil,
			@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 366) List<java.time.LocalDate> holidays,
			@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 366) List<java.time.LocalDate> workdays) {
	}

	/** The phone rules as the API shows them, with whether the call center is open right now. */
	record PhoneRulesView(boolean enabled, List<java.time.DayOfWeek> openDays, java.time.LocalTime openFrom, java.time.LocalTime openUntil,
			List<java.time.LocalDate> holidays, List<java.time.LocalDate> workdays, boolean openNow) {

		static PhoneRulesView of(PhoneRules rules, Instant now) {
			return new PhoneRulesView(rules.enabled(), rules.openDays().stream().sorted().toList(), rules.openFrom(), rules.openUntil(),
					rules.holidays().stream().sorted().toList(), rules.workdays().stream().sorted().toList(), rules.openAt(now));
		}
	}

	record WaitingCall(String callId, String customerNumber, Instant since, long waitedSeconds) {
	}
}
