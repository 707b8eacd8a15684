package com.calldesk.telephony;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.springframework.stereotype.Component;

import com.calldesk.billing.BalanceGate;
import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.provisioning.resources.DisplayNumberMapper;
import com.calldesk.provisioning.resources.Gateway;
import com.calldesk.provisioning.resources.GatewayMapper;
import com.calldesk.sip.calls.OutboundRouting;

/**
 * A seat's call out: only valid Chinese numbers (no international or premium-rate destinations),
 * through the tenant's own gateway or else a carrier's, shown with the tenant's display numbers —
 * those in the callee's region first (B1 local presence), the others after. A tenant's gateway and
 * display numbers are cached ({@link RoutingCaches}). A call that could go out is still refused when
 * the tenant's balance does not pay its first minute (F15): the seat hears the no-balance prompt, or
 * gets 402 with a Warning when media is not anchored.
 */
@Component
class TenantOutboundRouting implements OutboundRouting {

	/** The end reason on the record and the shipped prompt (prompts/zh/no-balance.wav) of a call refused for the balance. */
	static final String NO_BALANCE = "no-balance";

	static final int PAYMENT_REQUIRED = 402;

	/** What a phone shows when it gets the 402 instead of the prompt (media not anchored). */
	static final String NO_BALANCE_WARNING = "话费余额不足，无法外呼 / Balance exhausted: outbound calls are refused";

	private final GatewayMapper gateways;

	private final DisplayNumberMapper displayNumbers;

	private final LoadingCache<Long, Optional<Gateway>> gatewayOfTenant;

	private final LoadingCache<Long, List<DisplayNumber>> displayNumbersOfTenant;

	private final BalanceGate balances;

	TenantOutboundRouting(GatewayMapper gateways, DisplayNumberMapper displayNumbers, RoutingCaches caches, BalanceGate balances) {
		this.gateways = gateways;
		this.displayNumbers = displayNumbers;
		this.balances = balances;
		// top-ups and rate changes are provisioning changes: the gate forgets with the routing caches, on every node
		caches.onForget(balances::forgetAll);
		this.gatewayOfTenant = caches.cache(10_000, this::gatewayOf);
		this.displayNumbersOfTenant = caches.cache(10_000, tenantId -> this.displayNumbers
			.selectList(Wrappers.<DisplayNumber>lambdaQuery().eq(DisplayNumber::getTenantId, tenantId).orderByAsc(DisplayNumber::getId)));
	}

	@Override
	public Decision route(long tenantId, String dialled) {
		Optional<PhoneNumber> callee = PhoneNumbers.parse(dialled);
		if (callee.isEmpty()) {
			return new Refused(404, "invalid-number");
		}
		if (!callee.get().e164().startsWith("+86")) {
			return new Refused(403, "international-not-enabled");
		}
		if (callee.get().kind() == PhoneNumber.Kind.SERVICE && callee.get().e164().matches("\\+86(1[0-9]{2,4}|9[0-9]{4,5})")) {
			return new Refused(403, "premium-not-enabled");
		}
		Optional<Gateway> gateway = gatewayOfTenant.get(tenantId);
		if (gateway.isEmpty()) {
			return new Refused(503, "no-gateway");
		}
		List<DisplayNumberChoice> choices = inCallOrder(tenantId, callee.get()).stream()
			.map(d -> new DisplayNumberChoice(d.getId(), d.getNumber(), asDialled(d.getNumber()), d.getChannelLimit()))
			.toList();
		if (choices.isEmpty()) {
			return new Refused(403, "no-display-number");
		}
		if (!balances.canDialOut(tenantId)) {
			return new RefusedWithPrompt(callee.get().e164(), PAYMENT_REQUIRED, NO_BALANCE, NO_BALANCE, NO_BALANCE_WARNING);
		}
		Gateway gw = gateway.get();
		return new Route(callee.get().e164(), asDialled(callee.get().e164()), gw.getHost(), gw.getPort(), gw.getTransport(), gw.getId(),
				gw.getChannelLimit(), choices, gw.getUsername(), gw.getPassword());
	}

	/**
	 * The tenant's display numbers in the order a call to {@code callee} tries them (B1 local presence):
	 * those in the callee's region first, then the others, each group in the order they were bought.
	 */
	List<DisplayNumber> inCallOrder(long tenantId, PhoneNumber callee) {
		return displayNumbersOfTenant.get(tenantId).stream()
			.sorted(Comparator.comparing((DisplayNumber d) -> !sameRegion(d, callee)))
			.toList();
	}

	private Optional<Gateway> gatewayOf(long tenantId) {
		Optional<Gateway> own = gateways.selectList(Wrappers.<Gateway>lambdaQuery().eq(Gateway::getTenantId, tenantId)
			.orderByAsc(Gateway::getId)).stream().findFirst();
		return own.isPresent() ? own
				: gateways.selectList(Wrappers.<Gateway>lambdaQuery().isNull(Gateway::getTenantId).orderByAsc(Gateway::getId)).stream()
					.findFirst();
	}

	/** Regions compare by their city: the geocoder says 北京市 for a Beijing mobile and for a Beijing landline alike. */
	private static boolean sameRegion(DisplayNumber display, PhoneNumber callee) {
		String region = display.getRegionZh();
		String calleeRegion = callee.regionZh();
		return region != null && calleeRegion != null && !region.isBlank() && !calleeRegion.isBlank()
				&& (calleeRegion.contains(region) || region.contains(calleeRegion));
	}

	/** The national form carriers expect: 13800138000, 01062345678. */
	private static String asDialled(String e164) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			return util.format(util.parse(e164, "CN"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
		}
		catch (com.google.i18n.phonenumbers.NumberParseException ex) {
			return e164.replace("+86", "");
		}
	}
}
