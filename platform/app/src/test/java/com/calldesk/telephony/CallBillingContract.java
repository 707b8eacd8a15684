package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.billing.BillableTime;
import com.calldesk.billing.Ledger;
import com.calldesk.billing.Tariff;
import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallState;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * Billing against a real database (run on the embedded H2 and on MariaDB by the subclasses): a call
 * record's close and the debit of its tenant's balance commit or roll back together, concurrent closes
 * and top-ups lose nothing, a tenant's debits touch only its own balance, and the ledger balances.
 */
abstract class CallBillingContract {

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	AccountCharges charges;

	@Autowired
	CallRecords records;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	Ledger ledger;

	@Autowired
	PlatformTransactionManager transactions;

	record Opened(long id, TenantScope scope, Tariff tariff) {
	}

	Opened open(String name, int outboundRate) {
		var opened = opening.approve(opening.apply(new ApplicationForm(name, "测", "13800138000", null, 1, null)).getId(), "test");
		long id = opened.tenant().getId();
		charges.setRates(id, outboundRate, outboundRate * 2, "test");
		return new Opened(id, tenants.scopeOf(tenants.require(id)), new Tariff(outboundRate, outboundRate * 2));
	}

	@Test
	void closingARecordAndDebitingTheBalanceAreOneTransaction() {
		Opened a = open("计费原子", 10);
		charges.topUp(a.id(), 1000, "test", "test");
		CallSnapshot call = offered(a, "OUTBOUND");
		TenantContext.run(a.scope(), () -> records.open(call));
		CallSnapshot ended = ended(call, Duration.ofSeconds(61));

		TenantContext.run(a.scope(), () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			records.close(ended);
			tx.setRollbackOnly();
		}));
		assertThat(TenantContext.call(a.scope(), () -> records.find(call.callId())).getEndedAt()).as("record rolled back").isNull();
		assertThat(ledger.balanceOf(a.id())).as("debit rolled back with it").isEqualTo(1000);
		assertThat(ledger.count(a.id())).isEqualTo(1);

		TenantContext.run(a.scope(), () -> records.close(ended));
		CallRecord closed = TenantContext.call(a.scope(), () -> records.find(call.callId()));
		assertThat(closed.getEndedAt()).isNotNull();
		assertThat(closed.getBilledMinutes()).isEqualTo(2);
		assertThat(closed.getRateFen()).isEqualTo(10);
		assertThat(closed.getCostFen()).isEqualTo(20);
		assertThat(ledger.balanceOf(a.id())).isEqualTo(980);
		var debit = ledger.page(a.id(), 1, 1).get(0);
		assertThat(debit.getKind()).isEqualTo("CALL");
		assertThat(debit.getAmountFen()).isEqualTo(-20);
		assertThat(debit.getBalanceAfterFen()).isEqualTo(980);
		assertThat(debit.getReference()).isEqualTo(call.callId());
		assertThat(debit.getCreatedBy()).isEqualTo(Ledger.SYSTEM);
		assertThat(ledger.check(a.id()).balanced()).isTrue();
	}

	/**
	 * A close tried again after an unclear failure (the database went away), and the steps a killed node's
	 * journal kept: an open record is brought up to them and closed once, a closed one is left alone.
	 */
	@Test
	void aCloseTriedAgainAndStepsReplayedFromTheJournalCloseAnOpenRecordOnceAndNoMore() {
		Opened a = open("计费重试", 10);
		charges.topUp(a.id(), 1000, "test", "test");
		CallSnapshot retried = offered(a, "OUTBOUND");
		TenantContext.run(a.scope(), () -> records.open(retried));
		TenantContext.run(a.scope(), () -> records.closeOnce(ended(retried, Duration.ofSeconds(61))));
		TenantContext.run(a.scope(), () -> records.closeOnce(ended(retried, Duration.ofSeconds(61))));
		CallRecord closed = TenantContext.call(a.scope(), () -> records.find(retried.callId()));
		assertThat(closed.getEndedAt()).as("the retried close closed the open record").isNotNull();
		assertThat(closed.getCostFen()).isEqualTo(20);
		assertThat(ledger.balanceOf(a.id())).as("debited once").isEqualTo(980);

		CallSnapshot replayed = offered(a, "OUTBOUND");
		TenantContext.run(a.scope(), () -> records.open(replayed));
		CallSnapshot answered = answered(replayed);
		TenantContext.run(a.scope(), () -> records.replay(answered, false));
		assertThat(TenantContext.call(a.scope(), () -> records.find(replayed.callId())).getAnsweredAt())
			.as("an answer only the journal held").isCloseTo(answered.answeredAt(), within(1, ChronoUnit.MILLIS));
		TenantContext.run(a.scope(), () -> records.replay(ended(replayed, Duration.ofSeconds(30)), true));
		TenantContext.run(a.scope(), () -> records.replay(ended(replayed, Duration.ofSeconds(30)), true));
		assertThat(TenantContext.call(a.scope(), () -> records.find(replayed.callId())).getEndedAt()).isNotNull();
		assertThat(ledger.balanceOf(a.id())).as("the replayed close debited once").isEqualTo(970);
		assertThat(ledger.check(a.id()).balanced()).isTrue();
	}

	@Test
	void unansweredAndInboundCallsCostNothingAndLeaveTheLedgerAlone() {
		Opened a = open("计费免费", 10);
		for (String direction : List.of("OUTBOUND", "INBOUND")) {
			CallSnapshot call = offered(a, direction);
			TenantContext.run(a.scope(), () -> records.open(call));
			CallSnapshot ended = direction.equals("OUTBOUND") ? unanswered(call) : ended(call, Duration.ofSeconds(300));
			TenantContext.run(a.scope(), () -> records.close(ended));
			CallRecord closed = TenantContext.call(a.scope(), () -> records.find(call.callId()));
			assertThat(closed.getCostFen()).as(direction).isZero();
			assertThat(closed.getBilledMinutes()).isZero();
			assertThat(closed.getRateFen()).isNull();
		}
		assertThat(ledger.balanceOf(a.id())).isZero();
		assertThat(ledger.count(a.id())).isZero();
	}

	@Test
	void concurrentClosesAndTopUpsOfTwoTenantsLoseNoDebitAndTouchOnlyTheirOwnBalance() throws Exception {
		Opened a = open("计费并发甲", 7);
		Opened b = open("计费并发乙", 3);
		charges.topUp(a.id(), 5_000, "test", "test");
		charges.topUp(b.id(), 100, "test", "test");
		AtomicLong costA = new AtomicLong();
		AtomicLong costB = new AtomicLong();
		AtomicLong toppedUpA = new AtomicLong(5_000);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				runs.add(threads.submit(() -> {
					for (int i = 0; i < 12; i++) {
						Opened tenant = (thread + i) % 2 == 0 ? a : b;
						CallSnapshot call = offered(tenant, "OUTBOUND");
						TenantContext.run(tenant.scope(), () -> records.open(call));
						CallSnapshot ended = ended(call, Duration.ofSeconds(20L * (i % 5) + thread));
						TenantContext.run(tenant.scope(), () -> records.close(ended));
						long cost = tenant.tariff().charge(BillableTime.of(ended).get(0)).costFen();
						(tenant == a ? costA : costB).addAndGet(cost);
					}
					return null;
				}));
			}
			for (int t = 0; t < 2; t++) {
				runs.add(threads.submit(() -> {
					for (int i = 0; i < 6; i++) {
						charges.topUp(a.id(), 100, "test", "test");
						toppedUpA.addAndGet(100);
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(ledger.balanceOf(a.id())).isEqualTo(toppedUpA.get() - costA.get());
		assertThat(ledger.balanceOf(b.id())).as("B went into debt by its calls alone").isEqualTo(100 - costB.get()).isNegative();
		assertThat(ledger.count(a.id())).as("A: 1 + 12 top-ups, 48 calls").isEqualTo(1 + 12 + 48);
		assertThat(ledger.count(b.id())).isEqualTo(1 + 48);
		assertThat(ledger.check(a.id()).balanced()).as(ledger.check(a.id()).toString()).isTrue();
		assertThat(ledger.check(b.id()).balanced()).as(ledger.check(b.id()).toString()).isTrue();
		assertThat(ledger.unbalanced()).isEmpty();
	}

	private static CallSnapshot offered(Opened tenant, String direction) {
		Instant now = Instant.now().minusSeconds(3600);
		return new CallSnapshot(UUID.randomUUID().toString(), tenant.id(), tenant.scope().code(), direction, "+8613910001000", "13910001000",
				null, null, null, "ss" + tenant.scope().code() + "ss0001", CallState.OFFERED, now, null, null, null, null, null, 0, null,
				"node-billing", null, null);
	}

	private static CallSnapshot ended(CallSnapshot call, Duration talk) {
		Instant answered = call.offeredAt().plusSeconds(5);
		return new CallSnapshot(call.callId(), call.tenantId(), call.tenantCode(), call.direction(), call.customerNumber(), call.dialledNumber(),
				null, null, null, call.seat(), CallState.ENDED, call.offeredAt(), call.offeredAt().plusSeconds(1), answered, answered.plus(talk),
				"AGENT", "agent-hangup", 200, null, call.node(), null, null);
	}

	private static CallSnapshot answered(CallSnapshot call) {
		return new CallSnapshot(call.callId(), call.tenantId(), call.tenantCode(), call.direction(), call.customerNumber(), call.dialledNumber(),
				null, null, null, call.seat(), CallState.ANSWERED, call.offeredAt(), call.offeredAt().plusSeconds(1), call.offeredAt().plusSeconds(5),
				null, null, null, 200, null, call.node(), null, null);
	}

	private static CallSnapshot unanswered(CallSnapshot call) {
		return new CallSnapshot(call.callId(), call.tenantId(), call.tenantCode(), call.direction(), call.customerNumber(), call.dialledNumber(),
				null, null, null, call.seat(), CallState.ENDED, call.offeredAt(), call.offeredAt().plusSeconds(1), null,
				call.offeredAt().plusSeconds(20), "AGENT", "agent-cancelled", 487, null, call.node(), null, null);
	}
}
