package com.calldesk.acd;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the agents of every tenant stand, shared by every node (in-process on one node, Redis in
 * production). {@link #change} is atomic per seat: two nodes offering calls at once can never both
 * move the same agent from WAITING to RINGING, which is what makes an offer happen exactly once.
 */
public interface AgentBoard {

	/** The seat's agent, created OFFLINE on first sight. */
	SeatAgent get(long tenantId, String seat);

	List<SeatAgent> of(long tenantId);

	/**
	 * Applies {@code transition} atomically and returns the change, or empty when the transition left
	 * the agent as it was (see {@link SeatAgent}: an event that does not apply returns the same value).
	 */
	Optional<Change> change(long tenantId, String seat, UnaryOperator<SeatAgent> transition);

	/** Forgets seats that are no longer provisioned. */
	void retain(long tenantId, java.util.Collection<String> seats);

	/** One applied transition. */
	record Change(SeatAgent before, SeatAgent after) {
	}
}
