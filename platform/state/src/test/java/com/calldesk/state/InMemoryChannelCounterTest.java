package com.calldesk.state;

import java.time.Duration;

/** The lease contract on one node's in-process counter (both "nodes" share it, as threads of one node do). */
class InMemoryChannelCounterTest extends ChannelLeaseContract {

	final InMemoryChannelCounter shared = new InMemoryChannelCounter(clock, Duration.ofMinutes(2));

	@Override
	ChannelCounter node() {
		return shared;
	}

	@Override
	String key() {
		return "trunk:1";
	}
}
