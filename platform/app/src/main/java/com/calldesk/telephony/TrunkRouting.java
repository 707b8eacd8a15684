package com.calldesk.telephony;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.provisioning.resources.DisplayNumberMapper;
import com.calldesk.provisioning.resources.Gateway;
import com.calldesk.provisioning.resources.GatewayMapper;
import com.calldesk.provisioning.resources.TrunkNumber;
import com.calldesk.provisioning.resources.TrunkNumberMapper;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantMapper;
import com.calldesk.provisioning.tenants.TenantStatus;
import com.calldesk.sip.calls.InboundRoute;
import com.calldesk.sip.calls.TrunkDirectory;
import com.calldesk.sip.trunks.TrunkAccount;

/**
 * F5 over the platform schema: trunk addresses are the gateways' (carriers' and tenants'); a called
 * number selects a trunk number, as the landline itself or as its 400 number, or else one of a
 * tenant's display numbers called back (F13); REGISTER gateways are the ones CallDesk registers to.
 * Both answers are cached ({@link RoutingCaches}), unknown numbers too, so a flood of calls to a
 * number nobody has costs no queries.
 */
@Component
class TrunkRouting implements TrunkDirectory {

	private final GatewayMapper gateways;

	/** A display number of a tenant that has not bought callback: a prompt, then the end. */
	static final InboundRoute.Refusal CALLBACK_DISABLED = new InboundRoute.Refusal("callback-disabled", "callback-unavailable");

	private final TrunkNumberMapper trunkNumbers;

	private final DisplayNumberMapper displayNumbers;

	private final TenantMapper tenants;

	private final LoadingCache<Boolean, Set<String>> trunkAddresses;

	private final LoadingCache<String, Optional<InboundRoute>> routes;

	TrunkRouting(GatewayMapper gateways, TrunkNumberMapper trunkNumbers, DisplayNumberMapper displayNumbers, TenantMapper tenants,
			RoutingCaches caches) {
		this.gateways = gateways;
		this.trunkNumbers = trunkNumbers;
		this.displayNumbers = displayNumbers;
		this.tenants = tenants;
		this.trunkAddresses = caches.cache(1, all -> loadTrunkAddresses());
		this.routes = caches.cache(100_000, this::loadInboundRoute);
	}

	/** Every gateway's address: IP-authenticated ones by definition, and registering ones send us their calls too. */
	@Override
	public boolean isTrunkAddress(String address) {
		return trunkAddresses.get(Boolean.TRUE).contains(address);
	}

	private Set<String> loadTrunkAddresses() {
		return gateways.selectList(null).stream().map(gateway -> resolve(gateway.getHost())).collect(Collectors.toUnmodifiableSet());
	}

	/** Gateways CallDesk must register to, with their credentials. */
	List<TrunkAccount> registeringTrunks() {
		return gateways.selectList(Wrappers.<Gateway>lambdaQuery().eq(Gateway::getAuthMode, "REGISTER")).stream()
			.map(g -> new TrunkAccount(g.getId(), g.getHost(), g.getPort(), g.getTransport(), g.getUsername(), g.getPassword()))
			.toList();
	}

	@Override
	public Optional<InboundRoute> inboundRoute(String calledNumber) {
		return calledNumber.length() > 40 ? Optional.empty() : routes.get(calledNumber);
	}

	/** A trunk number first; a number that is none may be one of a tenant's display numbers called back (F13). */
	private Optional<InboundRoute> loadInboundRoute(String calledNumber) {
		String digits = calledNumber.replaceAll("[^0-9+]", "");
		Optional<String> e164 = PhoneNumbers.parse(digits).map(PhoneNumber::e164);
		TrunkNumber trunk = e164
			.map(n -> trunkNumbers.selectOne(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getNumber, n)))
			.orElse(null);
		if (trunk == null && digits.startsWith("400")) {
			trunk = trunkNumbers.selectList(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getServiceNumber, digits))
				.stream().findFirst().orElse(null);
		}
		if (trunk == null) {
			return e164.flatMap(this::callbackRoute);
		}
		Tenant tenant = activeTenant(trunk.getTenantId());
		if (tenant == null) {
			return Optional.empty();
		}
		return Optional.of(new InboundRoute(tenant.getId(), tenant.getCode(), trunk.getId(), trunk.getNumber(), trunk.getChannelLimit()));
	}

	/**
	 * A display number of an active tenant. Without callback bought the route still leads to the
	 * tenant, refused: the customer returning a missed call hears why instead of a dead number, and
	 * the tenant's records show the call. The flag is read with the route, so the order book's
	 * change event (enabling callback) drops it with the other routing caches.
	 */
	private Optional<InboundRoute> callbackRoute(String e164) {
		DisplayNumber display = displayNumbers.selectOne(Wrappers.<DisplayNumber>lambdaQuery().eq(DisplayNumber::getNumber, e164));
		Tenant tenant = display == null ? null : activeTenant(display.getTenantId());
		if (tenant == null) {
			return Optional.empty();
		}
		return Optional.of(InboundRoute.callback(tenant.getId(), tenant.getCode(), display.getId(), display.getNumber(),
				display.getChannelLimit(), tenant.isCallbackEnabled() ? null : CALLBACK_DISABLED));
	}

	private Tenant activeTenant(Long tenantId) {
		Tenant tenant = tenantId == null ? null : tenants.selectById(tenantId);
		return tenant != null && TenantStatus.ACTIVE.name().equals(tenant.getStatus()) ? tenant : null;
	}

	private static String resolve(String host) {
		try {
			return InetAddress.getByName(host).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return host;
		}
	}
}
