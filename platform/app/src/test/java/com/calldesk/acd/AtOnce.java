package com.calldesk.acd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Callers released from 8 threads at one moment: calls arriving together on several SIP threads, or nodes. */
final class AtOnce {

	private AtOnce() {
	}

	/** What the callers returned (nulls left out); caller {@code i} of {@code callers} is {@code caller.apply(i)}. */
	static List<String> run(int callers, IntFunction<String> caller) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				int n = i;
				results.add(threads.submit(() -> {
					start.await();
					return caller.apply(n);
				}));
			}
			start.countDown();
			List<String> returned = new ArrayList<>();
			for (Future<String> result : results) {
				String value = result.get(20, TimeUnit.SECONDS);
				if (value != null) {
					returned.add(value);
				}
			}
			return returned;
		}
		finally {
			threads.shutdown();
		}
	}
}
