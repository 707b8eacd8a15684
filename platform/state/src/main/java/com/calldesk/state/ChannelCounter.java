package com.calldesk.state;

/**
 * Concurrent calls per resource (a trunk number, a display number), counted across nodes: a call
 * takes a channel before its first leg goes out and gives it back on every end path.
 */
public interface ChannelCounter {

	/** Takes a channel of {@code key} unless {@code limit} are in use; true when taken. */
	boolean tryAcquire(String key, int limit);

	void release(String key);

	long inUse(String key);
}
