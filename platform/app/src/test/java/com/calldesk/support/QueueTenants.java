package com.calldesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;

import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.AcdSettingsService;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;

/**
 * Opens a tenant as provisioning staff would for the real-peer tests: a trunk number, the local gateway
 * (sipp plays the carrier from 127.0.0.1, so its INVITEs are trunk calls), queue settings and
 * {@code count} seats, each registered by sipp on a port of its own, in seat order.
 */
@TestComponent
public class QueueTenants {

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatAllocation seats;

	@Autowired
	GatewaysAndDevices gateways;

	@Autowired
	AcdSettingsService settings;

	public Queue open(int sipPort, String name, String trunkNumber, int count, AcdSettings acd) throws Exception {
		return open(sipPort, name, trunkNumber, count, acd, 5060);
	}

	/** As {@link #open(int, String, String, int, AcdSettings)}, its gateway (for calls out) listening on {@code gatewayPort}. */
	public Queue open(int sipPort, String name, String trunkNumber, int count, AcdSettings acd, int gatewayPort) throws Exception {
		var opened = opening.approve(opening.apply(new ApplicationForm(name, "测试", "13800138000", null, 1, null)).getId(), "test");
		long tenantId = opened.tenant().getId();
		numbers.allocateTrunkNumber(tenantId, new NumberAllocation.TrunkNumberForm(trunkNumber, null, 5), "test");
		gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("本机网关", "127.0.0.1", gatewayPort, "UDP", "IP", null, null, 30), "test");
		settings.save(tenantId, acd, "test");
		List<SeatAllocation.IssuedPassword> issued = count == 0 ? List.of() : seats.allocate(tenantId, count, "test");
		List<Integer> ports = new ArrayList<>();
		for (SeatAllocation.IssuedPassword seat : issued) {
			int port = Peers.freePort();
			assertThat(Peers.sipp(sipPort, "register.xml", "-p", Integer.toString(port), "-s", seat.sipUsername(), "-au",
					seat.sipUsername(), "-ap", seat.password())).isZero();
			ports.add(port);
		}
		return new Queue(tenantId, opened.tenant().getCode(), issued.stream().map(SeatAllocation.IssuedPassword::sipUsername).toList(),
				List.copyOf(ports), opened.admin().username(), opened.admin().password());
	}

	/** New seats of {@code tenantId} with their passwords, registered by nobody yet (for a softphone of the test's own). */
	public List<SeatAllocation.IssuedPassword> seatsWithPasswords(long tenantId, int count) {
		return seats.allocate(tenantId, count, "test");
	}

	public record Queue(long tenantId, String code, List<String> seats, List<Integer> ports, String adminUsername, String adminPassword) {
	}
}
