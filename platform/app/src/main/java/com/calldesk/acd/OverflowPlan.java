package com.calldesk.acd;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.calldesk.sip.calls.CallDistribution;

/**
 * What a tenant's calls that cannot be answered do, per situation (F11): hear the situation's
 * message and end, leave a voicemail, or go on to a mobile (F14). A new tenant plays the messages.
 */
public record OverflowPlan(Map<Situation, Rule> rules, Duration voicemailMax) {

	public static final Duration DEFAULT_VOICEMAIL_MAX = Duration.ofSeconds(120);

	public static final OverflowPlan MESSAGES = new OverflowPlan(Map.of(), DEFAULT_VOICEMAIL_MAX);

	static final String VOICEMAIL_GREETING = "voicemail-greeting";

	public OverflowPlan {
		EnumMap<Situation, Rule> all = new EnumMap<>(Situation.class);
		for (Situation situation : Situation.values()) {
			all.put(situation, rules.getOrDefault(situation, Rule.MESSAGE));
		}
		rules = Map.copyOf(all);
	}

	/** Why a call cannot be answered, with the message its caller hears when the rule is to hang up. */
	public enum Situation {
		/** Outside business hours, on a holiday. */
		CLOSED("closed"),
		/** Agents are working but all busy or resting (or the queue is full). */
		ALL_BUSY("all-busy"),
		/** Nobody is online. */
		NO_AGENT("no-agent"),
		/** The caller waited the tenant's max wait in the queue. */
		MAX_WAIT("wait-too-long");

		private final String prompt;

		Situation(String prompt) {
			this.prompt = prompt;
		}

		public String prompt() {
			return prompt;
		}
	}

	public enum Action {
		MESSAGE, VOICEMAIL, FORWARD
	}

	/** One situation's action; {@code forwardTo} is the mobile for FORWARD, null otherwise. */
	public record Rule(Action action, String forwardTo) {

		static final Rule MESSAGE = new Rule(Action.MESSAGE, null);

		public Rule {
			if ((action == Action.FORWARD) != (forwardTo != null)) {
				throw new IllegalArgumentException("a forward needs its number, and only a forward has one");
			}
		}
	}

	/** The B2BUA's instruction for a call in {@code situation}, its record saying {@code reason}. */
	CallDistribution.Overflow overflow(Situation situation, String reason) {
		Rule rule = rules.get(situation);
		CallDistribution.Fallback then = switch (rule.action()) {
			case MESSAGE -> new CallDistribution.HangUp();
			case VOICEMAIL -> new CallDistribution.Voicemail(VOICEMAIL_GREETING, voicemailMax);
			case FORWARD -> new CallDistribution.Forward(rule.forwardTo());
		};
		return new CallDistribution.Overflow(reason, situation.prompt(), then);
	}
}
