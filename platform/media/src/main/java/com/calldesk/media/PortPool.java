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
	}

	synchronized int available() {
		return free.size();
	}

	int capacity() {
		return capacity;
	}
}
