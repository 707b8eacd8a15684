package com.calldesk.billing;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.BalanceEntry;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.users.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's call charges as its administrators see them (F15, F21 basic info): the balance, the
 * rates and the ledger. Top-ups and rates are staff's (tenant-admin console); nothing here changes money.
 */
@RestController
@RequestMapping("/api/billing")
@Tag(name = "Billing", description = "话费余额与流水 / call-charge balance and ledger")
class BillingApi {

	private final TenantDirectory tenants;

	private final Ledger ledger;

	BillingApi(TenantDirectory tenants, Ledger ledger) {
		this.tenants = tenants;
		this.ledger = ledger;
	}

	@GetMapping("/balance")
	@Operation(summary = "Balance and per-minute rates in fen (分), and whether seats may dial out now (tenant administrators)")
	BalanceView balance(@AuthenticationPrincipal SignedInUser me) {
		Tenant tenant = tenants.require(me.tenantId());
		Tariff tariff = Tariff.of(tenant.getOutboundRateFen(), tenant.getForwardRateFen());
		long balance = tenant.getBalanceFen() == null ? 0 : tenant.getBalanceFen();
		return new BalanceView(balance, tariff.outboundFenPerMinute(), tariff.forwardFenPerMinute(), balance >= tariff.outboundFenPerMinute());
	}

	@GetMapping("/ledger")
	@Operation(summary = "The balance ledger, newest first: top-ups (TOPUP) and call debits (CALL, FORWARD; reference = call id); page from 1, size 1-100")
	LedgerPage ledger(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal SignedInUser me) {
		if (page < 1 || size < 1 || size > 100) {
			throw DomainException.badRequest("request.invalid");
		}
		List<LedgerEntryView> items = ledger.page(me.tenantId(), page, size).stream().map(LedgerEntryView::of).toList();
		return new LedgerPage(items, ledger.count(me.tenantId()), page, size);
	}

	/**
	 * The balance in fen (negative when the last calls cost more than was left) and the rates per
	 * started minute; {@code outboundAllowed}: the balance pays a minute at the outbound rate.
	 */
	record BalanceView(long balanceFen, int outboundRateFen, int forwardRateFen, boolean outboundAllowed) {
	}

	/** One movement: positive amounts are top-ups, negative ones call debits. */
	record LedgerEntryView(long id, String kind, long amountFen, long balanceAfterFen, String reference, String createdBy, Instant createdAt) {

		static LedgerEntryView of(BalanceEntry entry) {
			return new LedgerEntryView(entry.getId(), entry.getKind(), entry.getAmountFen(), entry.getBalanceAfterFen(), entry.getReference(),
					entry.getCreatedBy(), entry.getCreatedAt());
		}
	}

	record LedgerPage(List<LedgerEntryView> items, long total, long page, long size) {
	}
}
