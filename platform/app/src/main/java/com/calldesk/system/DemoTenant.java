package com.calldesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.resources.SeatCredentials;
import com.calldesk.provisioning.resources.SeatMapper;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.Role;
import com.calldesk.users.UserAccounts;

/**
 * The demo tenant of the embedded default, created through the same provisioning path a real tenant
 * takes, with the fixed passwords the README lists. Off in the production profile.
 */
@Component
@ConditionalOnProperty(name = "calldesk.demo.enabled", havingValue = "true")
class DemoTenant implements SmartInitializingSingleton {

	static final String CODE = "2001000";

	private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

	private final OpeningCallCenter opening;

	private final TenantDirectory tenants;

	private final NumberAllocation numbers;

	private final SeatAllocation seats;

	private final SeatMapper seatRows;

	private final UserAccounts users;

	private final SeatSettings seatSettings;

	private final GatewaysAndDevices gateways;

	DemoTenant(OpeningCallCenter opening, TenantDirectory tenants, NumberAllocation numbers, SeatAllocation seats,
			SeatMapper seatRows, UserAccounts users, SeatSettings seatSettings, GatewaysAndDevices gateways) {
		this.opening = opening;
		this.tenants = tenants;
		this.numbers = numbers;
		this.seats = seats;
		this.seatRows = seatRows;
		this.users = users;
		this.seatSettings = seatSettings;
		this.gateways = gateways;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (tenants.activeByCode(CODE).isPresent() || !tenants.all().isEmpty()) {
			return;
		}
		var application = opening.apply(new ApplicationForm("演示科技有限公司", "王演示", "13800138000", "demo@example.com", 2,
				"Demo tenant of the embedded default"));
		var opened = opening.approve(application.getId(), "demo");
		long tenantId = opened.tenant().getId();
		numbers.allocateTrunkNumber(tenantId, new NumberAllocation.TrunkNumberForm("010-62345678", "4008001234", 5), "demo");
		numbers.allocateDisplayNumber(tenantId, new NumberAllocation.DisplayNumberForm("021-58889999", null, 3), "demo");
		gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("本机测试网关 / local test gateway", "127.0.0.1", 5060, "UDP",
				"IP", null, null, 30), "demo");
		var issued = seats.allocate(tenantId, 2, "demo");
		issued.forEach(seat -> setKnownPassword(seat.seatId(), "Seat" + String.format("%04d", seat.seatNo()) + "Demo"));
		TenantContext.run(tenants.scopeOf(opened.tenant()), () -> {
			users.changePassword(users.byUsername("admin").orElseThrow().getId(), "admin123");
			var supervisor = users.create(new UserAccounts.NewUser("supervisor", "李主管", Role.SUPERVISOR, "super123", null));
			var agent = users.create(new UserAccounts.NewUser("agent", "张坐席", Role.AGENT, "agent123", "13900139000"));
			users.create(new UserAccounts.NewUser("agent2", "赵坐席", Role.AGENT, "agent123", null));
			seatSettings.bind(issued.get(0).seatId(), agent.getId(), "demo");
			log.info("Demo tenant {} ready: supervisor {}, agent {} on seat {}", CODE, supervisor.getUsername(), agent.getUsername(),
					issued.get(0).sipUsername());
		});
	}

	private void setKnownPassword(long seatId, String password) {
		var seat = seatRows.selectById(seatId);
		seat.setHa1(SeatCredentials.ha1(seat.getSipUsername(), seat.getRealm(), password));
		seatRows.updateById(seat);
	}
}
