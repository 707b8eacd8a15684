package com.calldesk.billing;

import java.time.Duration;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantMapper;

/**
 * Whether a tenant may dial out: its balance pays at least one minute at its outbound rate (a tenant
 * in debt may not, even at a rate of 0). Asked on the SIP thread of every seat's INVITE out, so the
 * balance and rate are cached per tenant. A balance moves with every call, so the entry is dropped
 * when a debit of this node commits and when provisioning changes (a top-up or a rate, on any node:
 * the routing caches' Redis message), and lives {@code calldesk.billing.balance-cache-ttl} (5 s) at
 * most — the bound on how long this node misses another node's debits. Missing one only lets a call
 * start that the balance no longer pays: the balance may go negative by calls in progress anyway.
 */
@Component
public class BalanceGate {

	private final TenantMapper tenants;

	private final LoadingCache<Long, Optional<Funds>> funds;

	BalanceGate(TenantMapper tenants, @Value("${calldesk.billing.balance-cache-ttl:5s}") Duration ttl) {
		this.tenants = tenants;
		this.funds = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(this::load);
	}

	/** True when the tenant's balance pays a minute of an outbound call; an unknown tenant is routing's business, not ours. */
	public boolean canDialOut(long tenantId) {
		return funds.get(tenantId).map(Funds::paysAMinute).orElse(true);
	}

	public void forget(long tenantId) {
		funds.invalidate(tenantId);
	}

	public void forgetAll() {
		funds.invalidateAll();
	}

	private Optional<Funds> load(long tenantId) {
		Tenant tenant = tenants.selectOne(Wrappers.<Tenant>lambdaQuery()
			.select(Tenant::getId, Tenant::getBalanceFen, Tenant::getOutboundRateFen)
			.eq(Tenant::getId, tenantId));
		return Optional.ofNullable(tenant).map(t -> new Funds(t.getBalanceFen() == null ? 0 : t.getBalanceFen(),
				t.getOutboundRateFen() == null ? 0 : t.getOutboundRateFen()));
	}

	/** A tenant's balance and outbound rate, in fen. */
	record Funds(long balanceFen, int outboundRateFen) {

		boolean paysAMinute() {
			return balanceFen >= outboundRateFen;
		}
	}
}
