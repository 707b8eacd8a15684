package com.calldesk.provisioning.resources;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.provisioning.tenants.TenantMapper;

/**
 * The money side of a tenant: per-minute rates, the callback feature and the balance ledger. The
 * balance moves only by an atomic {@code balance = balance + x} together with its ledger row, so the
 * ledger's last {@code balance_after} always equals the tenant's balance.
 */
@Service
public class AccountCharges {

	private final TenantMapper tenants;

	private final TenantDirectory directory;

	private final BalanceEntryMapper ledger;

	private final OrderBook orders;

	private final Clock clock;

	AccountCharges(TenantMapper tenants, TenantDirectory directory, BalanceEntryMapper ledger, OrderBook orders, Clock clock) {
		this.tenants = tenants;
		this.directory = directory;
		this.ledger = ledger;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional
	public BalanceEntry topUp(long tenantId, long amountFen, String reference, String staff) {
		if (amountFen <= 0) {
			throw DomainException.badRequest("balance.amount");
		}
		directory.require(tenantId);
		tenants.update(null, Wrappers.<Tenant>lambdaUpdate().setSql("balance_fen = balance_fen + " + amountFen).eq(Tenant::getId, tenantId));
		Tenant tenant = tenants.selectById(tenantId);
		BalanceEntry entry = new BalanceEntry();
		entry.setTenantId(tenantId);
		entry.setKind("TOPUP");
		entry.setAmountFen(amountFen);
		entry.setBalanceAfterFen(tenant.getBalanceFen());
		entry.setReference(reference);
		entry.setCreatedBy(staff);
		entry.setCreatedAt(clock.instant());
		ledger.insert(entry);
		orders.record(tenantId, "TOPUP", String.format("充值 / top-up ¥%.2f, balance ¥%.2f", amountFen / 100.0, tenant.getBalanceFen() / 100.0), staff);
		return entry;
	}

	@Transactional
	public void setRates(long tenantId, int outboundFenPerMinute, int forwardFenPerMinute, String staff) {
		Tenant tenant = directory.require(tenantId);
		tenant.setOutboundRateFen(outboundFenPerMinute);
		tenant.setForwardRateFen(forwardFenPerMinute);
		tenants.updateById(tenant);
		orders.record(tenantId, "RATE", String.format("费率 / rates: outbound ¥%.2f/min, forward ¥%.2f/min",
				outboundFenPerMinute / 100.0, forwardFenPerMinute / 100.0), staff);
	}

	@Transactional
	public void setCallback(long tenantId, boolean enabled, String staff) {
		Tenant tenant = directory.require(tenantId);
		tenant.setCallbackEnabled(enabled);
		tenants.updateById(tenant);
		orders.record(tenantId, "CALLBACK", enabled ? "开通外显号回拨 / callback enabled" : "关闭外显号回拨 / callback disabled", staff);
	}

	public List<BalanceEntry> ledgerOf(long tenantId) {
		return ledger.selectList(Wrappers.<BalanceEntry>lambdaQuery().eq(BalanceEntry::getTenantId, tenantId).orderByDesc(BalanceEntry::getId));
	}
}
