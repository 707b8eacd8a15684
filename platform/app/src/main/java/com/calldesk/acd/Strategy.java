package com.calldesk.acd;

/**
 * How the ACD chooses among free agents (ANCHORS: mod_callcenter and app_queue). Sticky agent (B5)
 * is not a strategy of its own: when on, the agent who last served the caller goes first, if free.
 */
public enum Strategy {
	/** The agent free the longest (default). */
	LONGEST_IDLE,
	/** Seat after seat, in seat order. */
	ROUND_ROBIN,
	/** The agent with the fewest answered calls today. */
	FEWEST_CALLS,
	/**
	 * Every free agent's phone at once; the first to answer takes the call (the caller's last agent, if
	 * free, rings alone first). A caller offered from the queue rings the one agent who freed up.
	 */
	RING_ALL
}
