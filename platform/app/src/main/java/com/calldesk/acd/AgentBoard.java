package com.calldesk.acd;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the agents of every tenant stand, shared by every node (in-process on one node, Redis in
 * production). {@link #change} is atomic per seat: two nodes offering calls at once can never both
 * move the same agent from WAITING to RINGING, which is what makes an offer happen exactly once.
 */
public interface AgentBoard {

	/** The longest-idle order: free the longest first, then by seat (as Redis orders equal scores). */
	Comparator<SeatAgent> LONGEST_IDLE = Comparator.comparing(SeatAgent::idleSince).thenComparing(SeatAgent::seat);

	/** The seat's agent, created OFFLINE on first sight. */
	SeatAgent get(long tenantId, String seat);

	List<SeatAgent> of(long tenantId);

	/**
	 * The tenant's agents that can be offered a call at {@code now} ({@link SeatAgent#offerable}), in
	 * {@link #LONGEST_IDLE} order, leaving out {@code skip}; at most {@code limit}. This is what a
	 * longest-idle decision reads instead of the whole tenant, so on Redis it must not grow with the
	 * tenant's size.
	 */
	List<SeatAgent> longestIdle(long tenantId, Instant now, Set<String> skip, int limit);

	/**
	 * Applies {@code transition} atomically and returns the change, or empty when the transition left
	 * the agent as it was (see {@link SeatAgent}: an event that does not apply returns the same value).
	 */
	Optional<Change> change(long tenantId, String seat, UnaryOperator<SeatAgent> transition);

	/**
	 * {@link #change} starting from {@code seen}, the agent as this board just returned it: a board
	 * that pays for every read (Redis) writes straight away and reads again only if it changed since.
	 */
	default Optional<Change> change(long tenantId, SeatAgent seen, UnaryOperator<SeatAgent> transition) {
		return change(tenantId, seen.seat(), transition);
	}

	/** Forgets seats that are no longer provisioned. */
	void retain(long tenantId, java.util.Collection<String> seats);

	/** One applied transition. */
	record Change(SeatAgent before, SeatAgent after) {
	}
}
