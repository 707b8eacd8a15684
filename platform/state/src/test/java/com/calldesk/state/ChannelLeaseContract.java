package com.calldesk.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What every {@link ChannelCounter} must do, run against the in-process one and the Redis one: the
 * limit, holders, release, and leases that lapse unless renewed (a node that died mid-call).
 */
abstract class ChannelLeaseContract {

	final InMemoryExpiringCountersTest.MutableClock clock = new InMemoryExpiringCountersTest.MutableClock();

	/** Two counters on the same store with the same clock and two-minute leases: two nodes. */
	abstract ChannelCounter node();

	abstract String key();

	@Test
	void theLimitHoldsAndAHolderTakingAgainStillHoldsOne() {
		ChannelCounter channels = node();
		assertThat(channels.tryAcquire(key(), 2, "call-a")).isTrue();
		assertThat(channels.tryAcquire(key(), 2, "call-a")).as("the same call again").isTrue();
		assertThat(channels.tryAcquire(key(), 2, "call-b")).isTrue();
		assertThat(channels.tryAcquire(key(), 2, "call-c")).isFalse();
		assertThat(channels.inUse(key())).isEqualTo(2);
		channels.release(key(), "call-a");
		assertThat(channels.inUse(key())).isEqualTo(1);
		assertThat(channels.tryAcquire(key(), 2, "call-c")).isTrue();
	}

	@Test
	void aLeaseNotRenewedLapsesAndARenewedOneStays() {
		ChannelCounter channels = node();
		channels.tryAcquire(key(), 2, "live");
		channels.tryAcquire(key(), 2, "dead-node");
		for (int i = 0; i < 6; i++) {
			clock.advance(Duration.ofSeconds(30));
			channels.renew(key(), "live");
		}
		assertThat(channels.inUse(key())).as("three minutes on: only the renewed lease").isEqualTo(1);
		channels.renew(key(), "dead-node");
		assertThat(channels.inUse(key())).as("a lapsed lease is not revived").isEqualTo(1);
		assertThat(channels.tryAcquire(key(), 2, "new-call")).as("the lapsed channel is free again").isTrue();
	}

	@Test
	void twoNodesRacingForTheLastChannelsNeverTakeMoreThanTheLimit() throws Exception {
		ChannelCounter nodeA = node();
		ChannelCounter nodeB = node();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> takes = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ChannelCounter node = i % 2 == 0 ? nodeA : nodeB;
			String call = "call-" + i;
			takes.add(threads.submit(() -> {
				start.await();
				return node.tryAcquire(key(), 5, call);
			}));
		}
		start.countDown();
		int taken = 0;
		for (Future<Boolean> take : takes) {
			taken += take.get(20, TimeUnit.SECONDS) ? 1 : 0;
		}
		threads.shutdown();
		assertThat(taken).isEqualTo(5);
		assertThat(nodeA.inUse(key())).isEqualTo(5);
	}
}
