package com.calldesk.acd;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

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

	private final OverflowPlans overflowPlans;

	AcdApi(AcdSettingsService settings, AgentDesk desk, Acd acd, Clock clock, AcdJournal journal, PhoneRuleBook phoneRules,
			OverflowPlans overflowPlans) {
		this.settings = settings;
		this.desk = desk;
		this.acd = acd;
		this.clock = clock;
		this.journal = journal;
		this.phoneRules = phoneRules;
		this.overflowPlans = overflowPlans;
	}

	@GetMapping("/overflow")
	@Operation(summary = "What calls that cannot be answered do per situation (closed, all busy, nobody online, max wait): "
			+ "the message, voicemail or a forward to a mobile (F11, F14)")
	OverflowView overflow(@AuthenticationPrincipal SignedInUser me) {
		return OverflowView.of(overflowPlans.of(me.tenantId()));
	}

	@PutMapping("/overflow")
	@Operation(summary = "Change the overflow plan (tenant administrators); a forward number must be a Chinese mobile or landline")
	OverflowView saveOverflow(@Valid @RequestBody OverflowView changed, @AuthenticationPrincipal SignedInUser me) {
		return OverflowView.of(overflowPlans.save(me.tenantId(), changed.toPlan(), me.username()));
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
	@Operation(summary = "Strategy, sticky agent, ring timeout, wrap-up, no-answer limit and delay, max wait, queue size, "
			+ "how often waiting callers hear their position and expected wait (0 = never)")
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
	List<com.calldesk.calls.AgentView> agents(@AuthenticationPrincipal SignedInUser me) {
		return desk.agents(me.tenantId()).stream().map(desk::view).toList();
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

	/** The overflow plan as the API shows and takes it: every situation's action, and the longest voicemail. */
	record OverflowView(@jakarta.validation.constraints.NotNull java.util.Map<OverflowPlan.Situation, @Valid RuleView> rules,
			@jakarta.validation.constraints.Min(10) @jakarta.validation.constraints.Max(600) int voicemailMaxSeconds) {

		static OverflowView of(OverflowPlan plan) {
			java.util.Map<OverflowPlan.Situation, RuleView> rules = new java.util.EnumMap<>(OverflowPlan.Situation.class);
			plan.rules().forEach((situation, rule) -> rules.put(situation, new RuleView(rule.action(), rule.forwardTo())));
			return new OverflowView(rules, (int) plan.voicemailMax().toSeconds());
		}

		OverflowPlan toPlan() {
			java.util.Map<OverflowPlan.Situation, OverflowPlan.Rule> plan = new java.util.EnumMap<>(OverflowPlan.Situation.class);
			rules.forEach((situation, rule) -> {
				if (rule.action() == OverflowPlan.Action.FORWARD) {
					plan.put(situation, new OverflowPlan.Rule(rule.action(), ForwardNumbers.dialable(rule.forwardTo())
						.orElseThrow(() -> com.calldesk.problem.DomainException.badRequest("acd.forward-number-invalid", rule.forwardTo()))));
				}
				else {
					plan.put(situation, new OverflowPlan.Rule(rule.action(), null));
				}
			});
			return new OverflowPlan(plan, Duration.ofSeconds(voicemailMaxSeconds));
		}
	}

	record RuleView(@jakarta.validation.constraints.NotNull OverflowPlan.Action action, String forwardTo) {
	}
}
