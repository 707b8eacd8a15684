package com.calldesk.sip.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Queue announcements (B7): a waiting caller hears where they stand — 您前面还有三位客户，预计等待两分钟 — as
 * they join the queue and then every interval the tenant set, with hold music in between. Hold music
 * alone says nothing, and a caller who hears nothing for minutes assumes they were forgotten and hangs up.
 *
 * <p>The sentence is a row of short prompts (one per phrase or number, each one a tenant can re-record),
 * played one after the other as each completes, then the music loops again. The ACD says where the
 * caller stands ({@link CallDistribution#standing}); the call sweeper's tick says when the next one is
 * due. An offer to an agent cuts the sentence off at once (the caller hears music while the phone rings:
 * "three callers ahead" would then be wrong); an overflow or the call's end makes it stop where it is.
 * Everything runs under the call's lock.
 */
final class QueueAnnouncements {

	/** Positions above this are said as "more than twenty": a caller cannot use an exact 37. */
	static final int MOST_AHEAD_SAID = 20;

	/** Waits above this are said as "more than ten minutes": an estimate that far out is too rough to be exact. */
	static final int MOST_MINUTES_SAID = 10;

	private final CallDistribution distribution;

	private final Clock clock;

	QueueAnnouncements(Clock clock, CallDistribution distribution) {
		this.clock = clock;
		this.distribution = distribution;
	}

	/** The caller has just joined the queue: where they stand first when the tenant has announcements on, then the music. */
	void entered(Call call) {
		Duration every = distribution.announcementInterval(call.route().tenantId());
		if (every.isZero() || every.isNegative()) {
			call.nextAnnouncement = null;
			call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
			return;
		}
		if (!announce(call, every)) {
			call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
		}
	}

	/** The sweeper's tick: a caller still waiting whose next announcement is due hears it. */
	void check(Call call, Instant now) {
		synchronized (call) {
			if (call.nextAnnouncement == null || call.state() == CallState.ENDED) {
				return;
			}
			if (!call.waiting) {
				// rung by a path that did not say so (and announcements resume if it comes back to the queue)
				interrupt(call);
				return;
			}
			if (call.announcing != null || now.isBefore(call.nextAnnouncement)) {
				return;
			}
			Duration every = distribution.announcementInterval(call.route().tenantId());
			if (every.isZero() || every.isNegative()) {
				call.nextAnnouncement = null;
				return;
			}
			announce(call, every);
		}
	}

	/** An agent's phone rings for the caller: the sentence stops at once and the music comes back. */
	void interrupt(Call call) {
		if (call.announcing == null) {
			return;
		}
		// cleared before the music starts: replacing the prompt completes its future, which must find nothing to go on with
		call.announcing = null;
		if (call.state() != CallState.ENDED) {
			call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
		}
	}

	/** Starts the sentence, and counts the interval from now; false when the ACD has no standing for the call. */
	private boolean announce(Call call, Duration every) {
		call.nextAnnouncement = clock.instant().plus(every);
		Optional<QueueStanding> standing = distribution.standing(call.snapshot());
		if (standing.isEmpty()) {
			return false;
		}
		Iterator<String> sentence = sentence(standing.get()).iterator();
		call.announcing = sentence;
		next(call, sentence);
		return true;
	}

	/** The next piece of {@code sentence}, or the music after its last; nothing when it was cut off or the call moved on. */
	private void next(Call call, Iterator<String> sentence) {
		synchronized (call) {
			if (call.announcing != sentence || call.state() == CallState.ENDED || !call.waiting) {
				return;
			}
			if (!sentence.hasNext()) {
				call.announcing = null;
				call.media.playToCustomer(InboundCalls.HOLD_MUSIC, true);
				return;
			}
			CompletableFuture<Void> played = call.media.playToCustomer(sentence.next(), false);
			if (played == null) {
				next(call, sentence);
				return;
			}
			played.whenComplete((done, error) -> next(call, sentence));
		}
	}

	/**
	 * The prompts that say {@code standing}: 您前面还有 | 三 | 位客户， | 预计等待 | 两 | 分钟。 — or 您是下一位，
	 * with nobody ahead; the wait rounded up to whole minutes, 预计等待不到一分钟。 under one, 超过 | 十 above
	 * ten; no wait at all when the ACD has no estimate.
	 */
	static List<String> sentence(QueueStanding standing) {
		List<String> pieces = new ArrayList<>();
		if (standing.ahead() == 0) {
			pieces.add("queue-next");
		}
		else {
			pieces.add("queue-ahead");
			count(pieces, standing.ahead(), MOST_AHEAD_SAID);
			pieces.add("queue-callers");
		}
		Duration wait = standing.expectedWait();
		if (wait == null) {
			return pieces;
		}
		if (wait.compareTo(Duration.ofMinutes(1)) < 0) {
			pieces.add("queue-under-a-minute");
			return pieces;
		}
		long minutes = (wait.toMillis() + 59_999) / 60_000;
		pieces.add("queue-wait");
		count(pieces, minutes, MOST_MINUTES_SAID);
		pieces.add("minutes");
		return pieces;
	}

	private static void count(List<String> pieces, long n, int most) {
		if (n > most) {
			pieces.add("more-than");
			n = most;
		}
		pieces.add("number-" + n);
	}
}
