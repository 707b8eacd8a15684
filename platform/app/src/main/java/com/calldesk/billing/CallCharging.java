package com.calldesk.billing;

import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantMapper;
import com.calldesk.sip.calls.CallSnapshot;

/**
 * What an ending call costs and its debit, for the transaction that closes the call's record: rated
 * at the tenant's rates when the call ends (a rate changed mid-call applies to the whole call), then
 * debited with the call's id as the ledger reference. The record keeps the charge.
 */
@Component
public class CallCharging {

	private final TenantMapper tenants;

	private final Ledger ledger;

	CallCharging(TenantMapper tenants, Ledger ledger) {
		this.tenants = tenants;
		this.ledger = ledger;
	}

	/** The charges of an ended call, one per billable stretch; empty when nothing of it is billable (unanswered, inbound). */
	public List<Charge> rate(CallSnapshot call) {
		List<BillableTime> billable = BillableTime.of(call);
		if (billable.isEmpty()) {
			return List.of();
		}
		Tenant tenant = tenants.selectOne(Wrappers.<Tenant>lambdaQuery()
			.select(Tenant::getId, Tenant::getOutboundRateFen, Tenant::getForwardRateFen)
			.eq(Tenant::getId, call.tenantId()));
		Tariff tariff = tenant == null ? new Tariff(0, 0) : Tariff.of(tenant.getOutboundRateFen(), tenant.getForwardRateFen());
		return billable.stream().map(tariff::charge).toList();
	}

	/**
	 * Debits the charge inside the caller's transaction. Called last in it, so the tenant's row is
	 * locked only from here to the commit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void debit(CallSnapshot call, Charge charge) {
		if (charge.costFen() > 0) {
			ledger.debit(call.tenantId(), charge.costFen(), charge.kind().ledgerKind(), call.callId());
		}
	}
}
