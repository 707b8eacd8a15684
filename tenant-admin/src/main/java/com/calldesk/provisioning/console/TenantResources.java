package com.calldesk.provisioning.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.BalanceEntry;
import com.calldesk.provisioning.resources.DeviceOrder;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.provisioning.resources.Gateway;
import com.calldesk.provisioning.resources.GatewayLink;
import com.calldesk.provisioning.resources.GatewayLinks;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.OrderBook;
import com.calldesk.provisioning.resources.OrderLine;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;

/** Everything a tenant holds, read at once for the console page and the API. */
@Component
class TenantResources {

	private final TenantDirectory tenants;

	private final NumberAllocation numbers;

	private final SeatAllocation seats;

	private final AccountCharges charges;

	private final GatewaysAndDevices gateways;

	private final OrderBook orders;

	private final ObjectProvider<GatewayLinks> links;

	TenantResources(TenantDirectory tenants, NumberAllocation numbers, SeatAllocation seats, AccountCharges charges,
			GatewaysAndDevices gateways, OrderBook orders, ObjectProvider<GatewayLinks> links) {
		this.tenants = tenants;
		this.numbers = numbers;
		this.seats = seats;
		this.charges = charges;
		this.gateways = gateways;
		this.orders = orders;
		this.links = links;
	}

	Overview of(long tenantId) {
		Tenant tenant = tenants.require(tenantId);
		List<Gateway> tenantGateways = gateways.gatewaysOf(tenantId);
		GatewayLinks sip = links.getIfAvailable(() -> id -> Optional.empty());
		Map<Long, GatewayLink> gatewayLinks = tenantGateways.stream()
			.flatMap(g -> sip.of(g.getId()).map(link -> Map.entry(g.getId(), link)).stream())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return new Overview(tenant, numbers.trunkNumbersOf(tenantId), seats.of(tenantId), numbers.displayNumbersOf(tenantId),
				tenantGateways, gatewayLinks, gateways.devicesOf(tenantId), charges.ledgerOf(tenantId), orders.of(tenantId));
	}

	/** {@code gatewayLinks}: registration state by gateway id, for the gateways CallDesk registers to. */
	record Overview(Tenant tenant, List<com.calldesk.provisioning.resources.TrunkNumber> trunkNumbers, List<Seat> seats,
			List<DisplayNumber> displayNumbers, List<Gateway> gateways, Map<Long, GatewayLink> gatewayLinks, List<DeviceOrder> devices,
			List<BalanceEntry> ledger, List<OrderLine> orderLines) {
	}
}
