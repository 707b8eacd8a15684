package com.calldesk.provisioning.resources;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.TenantDirectory;

/** A tenant's own voice gateways (语音网关) and its phone and headset orders. */
@Service
public class GatewaysAndDevices {

	private final GatewayMapper gateways;

	private final DeviceOrderMapper devices;

	private final TenantDirectory tenants;

	private final OrderBook orders;

	private final Clock clock;

	GatewaysAndDevices(GatewayMapper gateways, DeviceOrderMapper devices, TenantDirectory tenants, OrderBook orders, Clock clock) {
		this.gateways = gateways;
		this.devices = devices;
		this.tenants = tenants;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional
	public Gateway addGateway(long tenantId, GatewayForm form, String staff) {
		tenants.require(tenantId);
		boolean registers = "REGISTER".equals(form.authMode());
		if (registers && (blank(form.username()) || blank(form.password()))) {
			throw DomainException.badRequest("gateway.auth");
		}
		Gateway gateway = new Gateway();
		gateway.setTenantId(tenantId);
		gateway.setName(form.name().strip());
		gateway.setHost(form.host().strip());
		gateway.setPort(form.port() == null ? 5060 : form.port());
		gateway.setTransport(form.transport() == null ? "UDP" : form.transport());
		gateway.setAuthMode(form.authMode());
		// an IP gateway may still challenge our INVITEs with digest: its credentials answer that
		gateway.setUsername(blank(form.username()) ? null : form.username());
		gateway.setPassword(blank(form.password()) ? null : form.password());
		gateway.setChannelLimit(form.channelLimit() == null ? 30 : form.channelLimit());
		gateway.setCreatedAt(clock.instant());
		gateways.insert(gateway);
		orders.record(tenantId, "GATEWAY", "语音网关 / gateway " + gateway.getName() + " " + gateway.getHost() + ":" + gateway.getPort()
				+ " (" + gateway.getAuthMode() + ")", staff);
		return gateway;
	}

	@Transactional
	public DeviceOrder orderDevice(long tenantId, DeviceForm form, String staff) {
		tenants.require(tenantId);
		DeviceOrder order = new DeviceOrder();
		order.setTenantId(tenantId);
		order.setKind(form.kind());
		order.setModel(form.model().strip());
		order.setQuantity(form.quantity());
		order.setNote(form.note());
		order.setCreatedBy(staff);
		order.setCreatedAt(clock.instant());
		devices.insert(order);
		orders.record(tenantId, "DEVICE", ("PHONE".equals(form.kind()) ? "话机 / phone " : "耳麦 / headset ") + order.getModel() + " × "
				+ order.getQuantity(), staff);
		return order;
	}

	public List<Gateway> gatewaysOf(long tenantId) {
		return gateways.selectList(Wrappers.<Gateway>lambdaQuery().eq(Gateway::getTenantId, tenantId).orderByAsc(Gateway::getId));
	}

	public List<DeviceOrder> devicesOf(long tenantId) {
		return devices.selectList(Wrappers.<DeviceOrder>lambdaQuery().eq(DeviceOrder::getTenantId, tenantId).orderByDesc(DeviceOrder::getId));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public record GatewayForm(@NotBlank @Size(max = 50) String name,
			@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9.:\\-]+") String host, @Min(1) @Max(65535) Integer port,
			@Pattern(regexp = "UDP|TCP") String transport, @NotBlank @Pattern(regexp = "IP|REGISTER") String authMode,
			@Size(max = 64) String username, @Size(max = 128) String password, @Min(1) @Max(10000) Integer channelLimit) {
	}

	public record DeviceForm(@NotBlank @Pattern(regexp = "PHONE|HEADSET") String kind, @NotBlank @Size(max = 100) String model,
			@Min(1) @Max(10000) int quantity, @Size(max = 200) String note) {
	}
}
