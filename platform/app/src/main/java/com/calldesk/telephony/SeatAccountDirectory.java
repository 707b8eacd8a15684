package com.calldesk.telephony;

import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatMapper;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantMapper;
import com.calldesk.provisioning.tenants.TenantStatus;
import com.calldesk.sip.registrar.SeatAccount;
import com.calldesk.provisioning.resources.SeatCredentials;
import com.calldesk.sip.registrar.SeatAccounts;

/**
 * Seat accounts for the registrar, from the platform schema; a seat of a tenant that is not active does
 * not exist. Cached ({@link RoutingCaches}), unknown names too, so a password-guessing flood costs no queries.
 */
@Component
class SeatAccountDirectory implements SeatAccounts {

	private final SeatMapper seats;

	private final TenantMapper tenants;

	private final LoadingCache<String, Optional<SeatAccount>> accounts;

	SeatAccountDirectory(SeatMapper seats, TenantMapper tenants, RoutingCaches caches) {
		this.seats = seats;
		this.tenants = tenants;
		this.accounts = caches.cache(200_000, this::load);
	}

	@Override
	public Optional<SeatAccount> byUsername(String username) {
		if (username == null || username.length() > 40) {
			return Optional.empty();
		}
		return accounts.get(username);
	}

	@Override
	public boolean namesSeat(String username) {
		return SeatCredentials.isSipUsernameShape(username);
	}

	private Optional<SeatAccount> load(String username) {
		Seat seat = seats.selectOne(Wrappers.<Seat>lambdaQuery().eq(Seat::getSipUsername, username));
		if (seat == null) {
			return Optional.empty();
		}
		Tenant tenant = tenants.selectById(seat.getTenantId());
		if (tenant == null || !TenantStatus.ACTIVE.name().equals(tenant.getStatus())) {
			return Optional.empty();
		}
		return Optional.of(new SeatAccount(seat.getTenantId(), tenant.getCode(), seat.getId(), seat.getSipUsername(), seat.getRealm(), seat.getHa1()));
	}
}
