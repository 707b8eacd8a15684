package com.calldesk.telephony;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumbers;
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
 * number selects a trunk number, as the landline itself or as its 400 number; REGISTER gateways are
 * the ones CallDesk registers to.
 */
@Component
class TrunkRouting implements TrunkDirectory {

	private final GatewayMapper gateways;

	private final TrunkNumberMapper trunkNumbers;

	private final TenantMapper tenants;

	TrunkRouting(GatewayMapper gateways, TrunkNumberMapper trunkNumbers, TenantMapper tenants) {
		this.gateways = gateways;
		this.trunkNumbers = trunkNumbers;
		this.tenants = tenants;
	}

	/** Every gateway's address: IP-authenticated ones by definition, and registering ones send us their calls too. */
	@Override
	public boolean isTrunkAddress(String address) {
		return gateways.selectList(null).stream().anyMatch(gateway -> address.equals(resolve(gateway.getHost())));
	}

	/** Gateways CallDesk must register to, with their credentials. */
	List<TrunkAccount> registeringTrunks() {
		return gateways.selectList(Wrappers.<Gateway>lambdaQuery().eq(Gateway::getAuthMode, "REGISTER")).stream()
			.map(g -> new TrunkAccount(g.getId(), g.getHost(), g.getPort(), g.getTransport(), g.getUsername(), g.getPassword()))
			.toList();
	}

	@Override
	public Optional<InboundRoute> inboundRoute(String calledNumber) {
		String digits = calledNumber.replaceAll("[^0-9+]", "");
		TrunkNumber trunk = PhoneNumbers.parse(digits)
			.map(n -> trunkNumbers.selectOne(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getNumber, n.e164())))
			.orElse(null);
		if (trunk == null && digits.startsWith("400")) {
			trunk = trunkNumbers.selectList(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getServiceNumber, digits))
				.stream().findFirst().orElse(null);
		}
		if (trunk == null) {
			return Optional.empty();
		}
		Tenant tenant = tenants.selectById(trunk.getTenantId());
		if (tenant == null || !TenantStatus.ACTIVE.name().equals(tenant.getStatus())) {
			return Optional.empty();
		}
		return Optional.of(new InboundRoute(tenant.getId(), tenant.getCode(), trunk.getId(), trunk.getNumber(), trunk.getChannelLimit()));
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
