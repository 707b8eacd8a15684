package com.calldesk.media;

import java.util.ArrayDeque;
import java.util.OptionalInt;

/**
 * The even RTP ports of the range. Only even ports are handed out, so each one's odd twin stays free
 * for RTCP even though the relay does not use it. Freed ports go to the back of the line: a port is
 * reused as late as possible, so stray packets of a finished call do not land in the next one.
 */
final class PortPool {

	private final ArrayDeque<Integer> free = new ArrayDeque<>();

	private final int capacity;

	/** Ports of closed sessions that their relay thread has not freed yet. */
	private int releasing;

	PortPool(int portMin, int portMax) {
		for (int port = portMin + (portMin & 1); port + 1 <= portMax; port += 2) {
			free.addLast(port);
		}
		capacity = free.size();
	}

	synchronized OptionalInt take() {
		Integer port = free.pollFirst();
		return port == null ? OptionalInt.empty() : OptionalInt.of(port);
	}

	synchronized void release(int port) {
		free.addLast(port);
		notifyAll();
	}

	/** A closed session's port that its relay thread will {@link #release} once its selector dropped it. */
	synchronized void releasing(int count) {
		releasing += count;
	}

	/** A port announced by {@link #releasing} is back (or given up on). */
	synchronized void released(int port) {
		releasing--;
		release(port);
	}

	/**
	 * The next free port; when there is none but some are on their way back from closed sessions, waits
	 * for them at most {@code waitMillis}, so that a full range frees up as soon as a call ends.
	 */
	synchronized OptionalInt take(long waitMillis) {
		long deadline = System.nanoTime() + waitMillis * 1_000_000L;
		while (free.isEmpty() && releasing > 0) {
			long left = (deadline - System.nanoTime()) / 1_000_000L;
			if (left <= 0) {
				break;
			}
			try {
				wait(left);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return take();
	}

	synchronized int releasingCount() {
		return releasing;
	}

	synchronized int available() {
		return free.size();
	}

	int capacity() {
		return capacity;
	}
}
