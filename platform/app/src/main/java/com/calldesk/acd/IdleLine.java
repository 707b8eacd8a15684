package com.calldesk.acd;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One tenant's free agents in longest-idle order, read from the board a page at a time and only as far
 * as the caller goes: a decision that claims the first agent reads one page, whatever the tenant's size.
 * Agents already handed out are left out of the next page, so an agent freed meanwhile is still seen.
 */
final class IdleLine implements Iterator<SeatAgent> {

	/** Enough that an agent without a phone, or one another node just claimed, rarely costs a second read. */
	static final int PAGE = 4;

	private final AgentBoard board;

	private final long tenantId;

	private final Instant now;

	private final Set<String> passed;

	private final Deque<SeatAgent> page = new ArrayDeque<>();

	private boolean drained;

	IdleLine(AgentBoard board, long tenantId, Set<String> skip, Instant now) {
		this.board = board;
		this.tenantId = tenantId;
		this.now = now;
		this.passed = new HashSet<>(skip);
	}

	@Override
	public boolean hasNext() {
		if (page.isEmpty() && !drained) {
			List<SeatAgent> next = board.longestIdle(tenantId, now, passed, PAGE);
			next.forEach(agent -> passed.add(agent.seat()));
			page.addAll(next);
			drained = next.size() < PAGE;
		}
		return !page.isEmpty();
	}

	@Override
	public SeatAgent next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return page.poll();
	}

	Stream<SeatAgent> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}
}
