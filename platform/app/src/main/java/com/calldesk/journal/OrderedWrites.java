package com.calldesk.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * The database writes of calls, off the SIP threads: a write goes to one of a few lanes chosen by its
 * key, so the steps of one call are applied in order while the lanes work side by side. A lane takes
 * what has queued up since its last round as one batch: one transaction per tenant, a call's record
 * written once for all its steps in the batch. A batch that fails is tried again write by write, and
 * what fails for a passing reason (the database away) waits and is retried, with every later write of
 * its key behind it; a write the database refuses for good is logged and dropped.
 */
public final class OrderedWrites implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OrderedWrites.class);

	private static final int BATCH = 512;

	/** Writes a lane keeps for a retry while the database is away; beyond, they are dropped (a record's journal entry stays for the next start). */
	private static final int MAX_WAITING = 200_000;

	private final Lane[] lanes;

	private final LongFunction<TenantScope> scopes;

	private final TransactionTemplate transactions;

	private final Duration retryEvery;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong failedBatches = new AtomicLong();

	public OrderedWrites(int lanes, LongFunction<TenantScope> scopes, TransactionTemplate transactions, Duration retryEvery) {
		this.scopes = scopes;
		this.transactions = transactions;
		this.retryEvery = retryEvery;
		this.lanes = new Lane[lanes];
		for (int i = 0; i < lanes; i++) {
			this.lanes[i] = new Lane("call-writes-" + i);
			this.lanes[i].thread.start();
		}
	}

	/** Queues {@code write}; it returns at once. */
	public void submit(Write write) {
		lanes[Math.floorMod(write.key().hashCode(), lanes.length)].queue.add(write);
	}

	/** Writes queued or waiting for a retry, all lanes together. */
	public int backlog() {
		int backlog = 0;
		for (Lane lane : lanes) {
			backlog += lane.queue.size() + lane.waiting.size();
		}
		return backlog;
	}

	/** How long the oldest write waiting for a retry has waited; zero when none waits (the database is keeping up). */
	public Duration stalledFor() {
		long now = System.nanoTime();
		long oldest = 0;
		for (Lane lane : lanes) {
			long since = lane.failingSince.get();
			if (since != 0) {
				oldest = Math.max(oldest, now - since);
			}
		}
		return Duration.ofNanos(oldest);
	}

	public long applied() {
		return applied.get();
	}

	public long dropped() {
		return dropped.get();
	}

	public long failedBatches() {
		return failedBatches.get();
	}

	/** Blocks until everything submitted before this call has been applied or has failed (tests, shutdown). */
	public boolean drain(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Lane lane : lanes) {
			Marker marker = new Marker(lane.name);
			lane.queue.add(marker);
			long left = deadline - System.nanoTime();
			if (left <= 0 || !marker.done.await(left, TimeUnit.NANOSECONDS)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Blocks until what was submitted for {@code key} before this call has been applied (or has failed),
	 * at most {@code timeout}: a command's answer then shows the record as the command left it.
	 */
	public boolean awaitWritten(String key, Duration timeout) {
		Marker marker = new Marker(key);
		lanes[Math.floorMod(key.hashCode(), lanes.length)].queue.add(marker);
		try {
			return marker.done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		try {
			if (!drain(Duration.ofSeconds(10))) {
				log.warn("Call writes still queued at shutdown: {} (the record journal replays them at the next start)", backlog());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Lane lane : lanes) {
			lane.thread.interrupt();
		}
	}

	/** A write that only tells when the lane has come to it. */
	private static final class Marker implements Write {

		final String key;

		final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

		Marker(String key) {
			this.key = key;
		}

		@Override
		public String key() {
			return key;
		}

		@Override
		public long tenantId() {
			return -1;
		}

		@Override
		public void apply() {
		}
	}

	private final class Lane implements Runnable {

		final String name;

		final Thread thread;

		final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();

		/** Writes that failed for a passing reason, in order, and every later write of their keys. */
		final List<Write> waiting = new ArrayList<>();

		final Set<String> waitingKeys = new HashSet<>();

		long lastRetry;

		final AtomicLong failingSince = new AtomicLong();

		Lane(String name) {
			this.name = name;
			this.thread = new Thread(this, name);
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			List<Write> taken = new ArrayList<>(BATCH);
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Write first = queue.poll(waiting.isEmpty() ? 1000 : retryEvery.toMillis(), TimeUnit.MILLISECONDS);
					if (first != null) {
						taken.add(first);
						queue.drainTo(taken, BATCH - 1);
					}
					round(taken);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					log.error("Call write lane {} failed a round", name, ex);
				}
				finally {
					taken.clear();
				}
			}
		}

		private void round(List<Write> taken) {
			List<Write> batch = new ArrayList<>(taken.size());
			if (!waiting.isEmpty() && System.nanoTime() - lastRetry >= retryEvery.toNanos()) {
				lastRetry = System.nanoTime();
				batch.addAll(waiting);
				waiting.clear();
				waitingKeys.clear();
			}
			for (Write write : taken) {
				if (write instanceof Marker || !write.stores()) {
					continue;
				}
				if (waitingKeys.contains(write.key())) {
					wait(write); // behind its key's failed write, in order
				}
				else {
					batch.add(write);
				}
			}
			if (!batch.isEmpty()) {
				write(merged(batch));
			}
			// before the markers below: a drain that returns has seen this round's stall state too
			failingSince.set(waiting.isEmpty() ? 0 : failingSince.get() == 0 ? System.nanoTime() : failingSince.get());
			// what follows a write runs once, in the order submitted, whether or not the database took it
			for (Write write : taken) {
				if (write instanceof Marker marker) {
					marker.done.countDown();
				}
				else {
					followUp(write);
				}
			}
		}

		private void followUp(Write write) {
			try {
				write.after();
			}
			catch (RuntimeException ex) {
				log.warn("What follows write {} failed", write, ex);
			}
		}

		/**
		 * The batch with each write folded into the last earlier one of its key and kind where they merge,
		 * at the later one's place: a call's record steps merge across the call's journal lines between
		 * them, which write other tables.
		 */
		private List<Write> merged(List<Write> batch) {
			List<Write> merged = new ArrayList<>(batch.size());
			Map<List<Object>, Integer> lastOfKind = new HashMap<>();
			for (Write write : batch) {
				List<Object> kind = List.of(write.key(), write.getClass());
				Integer at = lastOfKind.get(kind);
				Write folded = at == null ? null : merged.get(at).absorb(write);
				if (folded != null) {
					merged.set(at, null);
					write = folded;
				}
				lastOfKind.put(List.of(write.key(), write.getClass()), merged.size());
				merged.add(write);
			}
			merged.removeIf(Objects::isNull);
			return merged;
		}

		private void write(List<Write> batch) {
			Map<Long, List<Write>> byTenant = new LinkedHashMap<>();
			batch.forEach(w -> byTenant.computeIfAbsent(w.tenantId(), t -> new ArrayList<>()).add(w));
			for (Map.Entry<Long, List<Write>> tenant : byTenant.entrySet()) {
				List<Write> writes = tenant.getValue();
				try {
					inTransaction(tenant.getKey(), writes);
					done(writes);
				}
				catch (RuntimeException batchFailed) {
					failedBatches.incrementAndGet();
					writes.forEach(this::alone);
				}
			}
		}

		/** After its batch failed: the write in a transaction of its own, so one bad write does not hold up the others. */
		private void alone(Write write) {
			if (waitingKeys.contains(write.key())) {
				wait(write);
				return;
			}
			try {
				inTransaction(write.tenantId(), List.of(write));
				done(List.of(write));
			}
			catch (DataIntegrityViolationException | BadSqlGrammarException | IllegalArgumentException refused) {
				dropped.incrementAndGet();
				log.error("Write {} of tenant {} refused by the database and dropped", write, write.tenantId(), refused);
			}
			catch (RuntimeException passing) {
				if (waiting.isEmpty()) {
					log.warn("Call writes of lane {} wait for the database: {}", name, passing.toString());
				}
				wait(write);
			}
		}

		private void wait(Write write) {
			if (waiting.size() >= MAX_WAITING) {
				dropped.incrementAndGet();
				return;
			}
			waiting.add(write);
			waitingKeys.add(write.key());
		}

		private void inTransaction(long tenantId, List<Write> writes) {
			TenantContext.run(scopes.apply(tenantId), () -> transactions.executeWithoutResult(tx -> writes.forEach(Write::apply)));
		}

		private void done(List<Write> writes) {
			applied.addAndGet(writes.size());
			writes.forEach(Write::committed);
		}
	}
}
