package com.calldesk.billing;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.calldesk.provisioning.resources.BalanceEntry;
import com.calldesk.provisioning.resources.BalanceEntryMapper;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantMapper;

/**
 * The balance ledger from the call side: debits for calls, and the check that the ledger balances.
 * Like staff top-ups ({@code AccountCharges} in tenant-admin) the balance moves only by an atomic
 * {@code balance_fen = balance_fen - x}, and the ledger row takes its {@code balance_after_fen} from
 * the row this transaction has locked, so concurrent debits and top-ups queue on the tenant's row and
 * none is lost. Platform tables are qualified with the platform schema, so this runs on the same
 * connection, in the same transaction, as the tenant's call record (H2 and MySQL/MariaDB alike).
 */
@Component
public class Ledger {

	/** Who debits calls: nobody in person. */
	public static final String SYSTEM = "system";

	private final TenantMapper tenants;

	private final BalanceEntryMapper entries;

	private final BalanceGate gate;

	private final Clock clock;

	Ledger(TenantMapper tenants, BalanceEntryMapper entries, BalanceGate gate, Clock clock) {
		this.tenants = tenants;
		this.entries = entries;
		this.gate = gate;
		this.clock = clock;
	}

	/**
	 * Takes {@code amountFen} from the tenant's balance and appends its ledger row, inside the caller's
	 * transaction (the one closing the call's record): both happen, or neither. The balance may go
	 * below zero — a call in progress is never cut, so the last call is paid whatever it costs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BalanceEntry debit(long tenantId, long amountFen, String kind, String reference) {
		if (amountFen <= 0) {
			throw new IllegalArgumentException("a debit is positive: " + amountFen);
		}
		int updated = tenants.update(null,
				Wrappers.<Tenant>lambdaUpdate().setSql("balance_fen = balance_fen - " + amountFen).eq(Tenant::getId, tenantId));
		if (updated != 1) {
			throw new IllegalStateException("No tenant " + tenantId + " to debit");
		}
		// the row is ours until commit: a locking read gives the balance our update left, never an older snapshot
		Tenant locked = tenants.selectOne(Wrappers.<Tenant>lambdaQuery().select(Tenant::getId, Tenant::getBalanceFen)
			.eq(Tenant::getId, tenantId).last("FOR UPDATE"));
		BalanceEntry entry = new BalanceEntry();
		entry.setTenantId(tenantId);
		entry.setKind(kind);
		entry.setAmountFen(-amountFen);
		entry.setBalanceAfterFen(locked.getBalanceFen());
		entry.setReference(reference);
		entry.setCreatedBy(SYSTEM);
		entry.setCreatedAt(clock.instant());
		entries.insert(entry);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				gate.forget(tenantId);
			}
		});
		return entry;
	}

	/** The tenant's balance now, in fen. */
	public long balanceOf(long tenantId) {
		Tenant tenant = tenants.selectOne(Wrappers.<Tenant>lambdaQuery().select(Tenant::getId, Tenant::getBalanceFen).eq(Tenant::getId, tenantId));
		return tenant == null || tenant.getBalanceFen() == null ? 0 : tenant.getBalanceFen();
	}

	/** One page of the tenant's ledger, newest first; {@code page} counts from 1. */
	public List<BalanceEntry> page(long tenantId, int page, int size) {
		return entries.selectList(Wrappers.<BalanceEntry>lambdaQuery().eq(BalanceEntry::getTenantId, tenantId).orderByDesc(BalanceEntry::getId)
			.last("LIMIT " + size + " OFFSET " + (long) (page - 1) * size));
	}

	public long count(long tenantId) {
		return entries.selectCount(Wrappers.<BalanceEntry>lambdaQuery().eq(BalanceEntry::getTenantId, tenantId));
	}

	/**
	 * Whether the tenant's ledger balances: its amounts sum to the balance, and each row's
	 * {@code balance_after_fen} is the sum of the amounts up to it (rows in id order, which is the
	 * order the tenant's row lock let them in). Reads the tenant's whole ledger.
	 */
	@Transactional(readOnly = true)
	public LedgerCheck check(long tenantId) {
		long balance = balanceOf(tenantId);
		long running = 0;
		Long firstBroken = null;
		List<BalanceEntry> all = entries.selectList(Wrappers.<BalanceEntry>lambdaQuery().eq(BalanceEntry::getTenantId, tenantId)
			.orderByAsc(BalanceEntry::getId));
		for (BalanceEntry entry : all) {
			running += entry.getAmountFen();
			if (firstBroken == null && entry.getBalanceAfterFen() != running) {
				firstBroken = entry.getId();
			}
		}
		return new LedgerCheck(tenantId, balance, running, all.size(), firstBroken);
	}

	/** {@link #check} for every tenant; returns those whose ledger does not balance (none, always). */
	public List<LedgerCheck> unbalanced() {
		return tenants.selectList(Wrappers.<Tenant>lambdaQuery().select(Tenant::getId)).stream()
			.map(t -> check(t.getId()))
			.filter(c -> !c.balanced())
			.toList();
	}

	/**
	 * The result of a ledger check: the balance, the sum of the ledger's amounts, how many rows, and the
	 * first row whose {@code balance_after_fen} is not the running sum (null when none).
	 */
	public record LedgerCheck(long tenantId, long balanceFen, long ledgerSumFen, int entries, Long firstBrokenEntryId) {

		public boolean balanced() {
			return balanceFen == ledgerSumFen && firstBrokenEntryId == null;
		}
	}
}
