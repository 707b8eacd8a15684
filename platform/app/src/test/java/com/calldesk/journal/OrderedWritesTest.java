package com.calldesk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantSchema;
import com.calldesk.tenancy.TenantScope;

class OrderedWritesTest {

	/** Counts transactions; a write that throws makes its transaction roll back, as a real one would. */
	static final class CountingTransactions implements PlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger rollbacks = new AtomicInteger();

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return new SimpleTransactionStatus();
		}

		@Override
		public void commit(TransactionStatus status) {
			commits.incrementAndGet();
		}

		@Override
		public void rollback(TransactionStatus status) {
			rollbacks.incrementAndGet();
		}
	}

	final CountingTransactions transactions = new CountingTransactions();

	final List<String> applied = Collections.synchronizedList(new ArrayList<>());

	final List<String> followed = Collections.synchronizedList(new ArrayList<>());

	OrderedWrites writes = new OrderedWrites(2, id -> new TenantScope(id, "t" + id, new TenantSchema("tenant_" + id)),
			new TransactionTemplate(transactions), Duration.ofMillis(50));

	@AfterEach
	void close() {
		writes.close();
	}

	/** Writes {@code name} under {@code key}, noting the tenant schema it ran in. */
	Write step(String key, long tenant, String name) {
		return new Write() {
			@Override
			public String key() {
				return key;
			}

			@Override
			public long tenantId() {
				return tenant;
			}

			@Override
			public void apply() {
				applied.add(name + "@" + TenantContext.require().schema().name());
			}

			@Override
			public void after() {
				followed.add(name);
			}
		};
	}

	@Test
	void writesOfOneKeyAreAppliedAndFollowedInOrderInTheirTenantsSchema() throws Exception {
		for (int i = 0; i < 200; i++) {
			writes.submit(step("call-a", 1, "a" + i));
			writes.submit(step("call-b", 2, "b" + i));
		}
		assertThat(writes.drain(Duration.ofSeconds(5))).isTrue();
		assertThat(applied.stream().filter(s -> s.startsWith("a"))).hasSize(200).allMatch(s -> s.endsWith("@tenant_1"));
		assertThat(applied.stream().filter(s -> s.startsWith("b"))).hasSize(200).allMatch(s -> s.endsWith("@tenant_2"));
		List<String> a = followed.stream().filter(s -> s.startsWith("a")).toList();
		assertThat(a).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "a" + i).toList());
		assertThat(applied.stream().filter(s -> s.startsWith("a")).map(s -> s.substring(0, s.indexOf('@'))).toList()).isEqualTo(a);
	}

	@Test
	void aBatchIsOneTransactionPerTenant() throws Exception {
		CountDownLatch hold = new CountDownLatch(1);
		// one write blocks the lane, so the next ones queue up and are taken as one batch
		String key = "same";
		writes.submit(holding(key, hold));
		for (int i = 0; i < 50; i++) {
			writes.submit(step(key, 1, "x" + i));
		}
		int before = transactions.commits.get();
		hold.countDown();
		assertThat(writes.drain(Duration.ofSeconds(5))).isTrue();
		assertThat(applied).hasSize(50);
		assertThat(transactions.commits.get() - before).as("the first write's, then one for the 50 queued behind it").isLessThanOrEqualTo(2);
	}

	@Test
	void writesThatMergeAreAppliedOnceAtTheLaterOnesPlace() throws Exception {
		CountDownLatch hold = new CountDownLatch(1);
		writes.submit(holding("k", hold));
		writes.submit(merging("k", "first"));
		writes.submit(step("k", 1, "between"));
		writes.submit(merging("k", "second"));
		hold.countDown();
		assertThat(writes.drain(Duration.ofSeconds(5))).isTrue();
		assertThat(applied).containsExactly("between@tenant_1", "first+second");
		assertThat(followed).containsExactly("first", "between", "second");
	}

	/** A write of {@code key} that keeps its lane busy until {@code hold} opens, so what follows queues up into one batch. */
	static Write holding(String key, CountDownLatch hold) {
		return Write.of(key, 1, () -> {
			try {
				hold.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	Write merging(String key, String name) {
		return new Write() {
			@Override
			public String key() {
				return key;
			}

			@Override
			public long tenantId() {
				return 1;
			}

			@Override
			public void apply() {
				applied.add(name);
			}

			@Override
			public void after() {
				followed.add(name);
			}

			@Override
			public Write absorb(Write later) {
				return later.getClass() == getClass() ? merging(key, name + "+" + later.toString()) : null;
			}

			@Override
			public String toString() {
				return name;
			}
		};
	}

	@Test
	void whileTheDatabaseIsAwayWritesWaitInOrderAndTheirEventsStillGoOut() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		AtomicInteger attempts = new AtomicInteger();
		writes.submit(new Write() {
			@Override
			public String key() {
				return "call";
			}

			@Override
			public long tenantId() {
				return 1;
			}

			@Override
			public void apply() {
				attempts.incrementAndGet();
				if (down.get()) {
					throw new DataAccessResourceFailureException("connection refused");
				}
				applied.add("open");
			}

			@Override
			public void after() {
				followed.add("offered");
			}
		});
		writes.submit(step("call", 1, "close"));
		writes.submit(step("other", 1, "unrelated"));
		assertThat(writes.drain(Duration.ofSeconds(5))).isTrue();
		assertThat(followed).as("events do not wait for the database").contains("offered", "close");
		assertThat(applied).as("the call's later write waits behind its first").doesNotContain("close@tenant_1");
		assertThat(writes.backlog()).isEqualTo(2);
		down.set(false);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (writes.backlog() > 0 && System.nanoTime() < deadline) {
			writes.drain(Duration.ofSeconds(1));
		}
		assertThat(writes.drain(Duration.ofSeconds(5))).as("the round that emptied the backlog has ended").isTrue();
		assertThat(applied).containsSubsequence("open", "close@tenant_1");
		assertThat(attempts.get()).isGreaterThan(1);
		assertThat(followed).as("each event once").containsOnlyOnce("offered", "close");
		assertThat(writes.stalledFor()).isZero();
	}

	@Test
	void aWriteTheDatabaseRefusesForGoodIsDroppedAndHoldsNothingUp() throws Exception {
		writes.submit(Write.of("bad", 1, () -> {
			throw new DataIntegrityViolationException("duplicate");
		}));
		writes.submit(step("bad", 1, "next"));
		writes.submit(step("good", 1, "fine"));
		assertThat(writes.drain(Duration.ofSeconds(5))).isTrue();
		assertThat(applied).contains("next@tenant_1", "fine@tenant_1");
		assertThat(writes.dropped()).isEqualTo(1);
		assertThat(writes.backlog()).isZero();
	}
}
