package com.calldesk.sip.calls;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who takes an inbound call, decided by the application's ACD; the B2BUA does what it is told, and the
 * ACD follows what came of it on the {@link CallLifecycle}. Called on SIP threads: quick, never throws.
 * Offers to waiting calls come back through {@link QueuedCalls}.
 */
public interface CallDistribution {

	/**
	 * What to do with an inbound call that needs an agent now: ring a seat (already claimed for this
	 * call, so no other call is offered to it), wait in the queue, or overflow. {@code tried} are the
	 * seats that already had their chance in this round; {@code reachable} says which seats have a phone.
	 */
	Decision route(CallSnapshot call, Set<String> tried, Predicate<String> reachable);

	/** How long a seat's phone may ring. */
	Duration ringTimeout(long tenantId);

	/**
	 * Claims {@code seat} for a call transferred to it, as atomically as an offer: false when the agent is
	 * not idle and waiting (busy, resting, on a call, in wrap-up).
	 */
	default boolean claimForTransfer(CallSnapshot call, String seat) {
		return false;
	}

	/** Claims a colleague's {@code seat} for an internal call from {@code call}'s seat: false when the colleague is not free. */
	default boolean claimColleague(CallSnapshot call, String seat) {
		return claimForTransfer(call, seat);
	}

	/** Where a waiting call stands in its queue, for the announcement (B7); empty when it is not waiting in one. */
	default java.util.Optional<QueueStanding> standing(CallSnapshot call) {
		return java.util.Optional.empty();
	}

	/** How often a waiting caller of the tenant hears where they stand (B7); zero: never. */
	default Duration announcementInterval(long tenantId) {
		return Duration.ZERO;
	}

	/** The answer for one call. */
	sealed interface Decision permits Ring, RingAll, Wait, Overflow {
	}

	record Ring(String seat) implements Decision {
	}

	/** Ring every one of these seats (all claimed for this call) at once: the first to answer takes the call. */
	record RingAll(java.util.List<String> seats) implements Decision {

		public RingAll {
			seats = java.util.List.copyOf(seats);
		}
	}

	/** Nobody free now, but agents are working: hold music until one is. */
	record Wait() implements Decision {
	}

	/**
	 * Not to be queued (closed, nobody available, the queue is full or the wait too long): what the
	 * tenant's phone rules say for the situation ({@code then}); {@code prompt} is the message the
	 * customer hears before the call ends with {@code reason} when that is to hang up, or when the
	 * voicemail or the forward cannot be had.
	 */
	record Overflow(String reason, String prompt, Fallback then) implements Decision {

		public Overflow(String reason, String prompt) {
			this(reason, prompt, new HangUp());
		}
	}

	/** Where an overflowing call goes (F11). */
	sealed interface Fallback permits HangUp, Voicemail, Forward {
	}

	/** The message, then the end. */
	record HangUp() implements Fallback {
	}

	/** {@code greeting}, a beep, then the caller's message recorded until {@code #}, hang-up or {@code max}. */
	record Voicemail(String greeting, Duration max) implements Fallback {
	}

	/** The call goes on to {@code number} (a mobile) through the tenant's gateway, as an outbound leg (F14). */
	record Forward(String number) implements Fallback {
	}

	/** Without an ACD every call is refused as if nobody were there. */
	CallDistribution NONE = new CallDistribution() {
		@Override
		public Decision route(CallSnapshot call, Set<String> tried, Predicate<String> reachable) {
			return new Overflow("no-agent", null);
		}

		@Override
		public Duration ringTimeout(long tenantId) {
			return Duration.ofSeconds(20);
		}
	};
}
