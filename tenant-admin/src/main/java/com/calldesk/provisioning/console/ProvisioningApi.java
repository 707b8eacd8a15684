package com.calldesk.provisioning.console;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.BalanceEntry;
import com.calldesk.provisioning.resources.DeviceOrder;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.provisioning.resources.Gateway;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.PhoneSheet;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.resources.TrunkNumber;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantApplication;
import com.calldesk.provisioning.tenants.TenantDirectory;

/** The provisioning operations as JSON, for staff tooling and tests; the console pages call the same services. */
@RestController
@RequestMapping("/api/admin")
class ProvisioningApi {

	private final OpeningCallCenter opening;

	private final TenantDirectory tenants;

	private final TenantResources resources;

	private final NumberAllocation numbers;

	private final SeatAllocation seats;

	private final AccountCharges charges;

	private final GatewaysAndDevices gateways;

	private final PhoneSheets sheets;

	ProvisioningApi(OpeningCallCenter opening, TenantDirectory tenants, TenantResources resources, NumberAllocation numbers,
			SeatAllocation seats, AccountCharges charges, GatewaysAndDevices gateways, PhoneSheets sheets) {
		this.opening = opening;
		this.tenants = tenants;
		this.resources = resources;
		this.numbers = numbers;
		this.seats = seats;
		this.charges = charges;
		this.gateways = gateways;
		this.sheets = sheets;
	}

	@GetMapping("/applications")
	List<TenantApplication> pending() {
		return opening.pending();
	}

	@PostMapping("/applications/{id}/approve")
	OpenedView approve(@PathVariable long id, Principal staff) {
		OpeningCallCenter.OpenedTenant opened = opening.approve(id, staff.getName());
		return new OpenedView(opened.tenant().getId(), opened.tenant().getCode(), opened.admin().username(), opened.admin().password());
	}

	@PostMapping("/applications/{id}/reject")
	void reject(@PathVariable long id, @Valid @RequestBody Rejection rejection, Principal staff) {
		opening.reject(id, rejection.reason(), staff.getName());
	}

	@GetMapping("/tenants")
	List<Tenant> tenants() {
		return tenants.all();
	}

	@GetMapping("/tenants/{id}")
	TenantResources.Overview tenant(@PathVariable long id) {
		return resources.of(id);
	}

	@PostMapping("/tenants/{id}/trunk-numbers")
	@ResponseStatus(HttpStatus.CREATED)
	TrunkNumber trunkNumber(@PathVariable long id, @Valid @RequestBody NumberAllocation.TrunkNumberForm form, Principal staff) {
		return numbers.allocateTrunkNumber(id, form, staff.getName());
	}

	@PostMapping("/tenants/{id}/display-numbers")
	@ResponseStatus(HttpStatus.CREATED)
	DisplayNumber displayNumber(@PathVariable long id, @Valid @RequestBody NumberAllocation.DisplayNumberForm form, Principal staff) {
		return numbers.allocateDisplayNumber(id, form, staff.getName());
	}

	@PostMapping("/tenants/{id}/seats")
	@ResponseStatus(HttpStatus.CREATED)
	List<SeatAllocation.IssuedPassword> seats(@PathVariable long id, @Valid @RequestBody SeatCount count, Principal staff) {
		return seats.allocate(id, count.count(), staff.getName());
	}

	@PostMapping("/seats/{seatId}/password")
	SeatAllocation.IssuedPassword resetPassword(@PathVariable long seatId, Principal staff) {
		return seats.resetPassword(seatId, staff.getName());
	}

	@GetMapping("/seats/{seatId}/sheet")
	PhoneSheet sheet(@PathVariable long seatId, HttpServletRequest request) {
		return sheets.of(seatId, request);
	}

	@PutMapping("/tenants/{id}/callback")
	void callback(@PathVariable long id, @Valid @RequestBody Toggle toggle, Principal staff) {
		charges.setCallback(id, toggle.enabled(), staff.getName());
	}

	@PutMapping("/tenants/{id}/rates")
	void rates(@PathVariable long id, @Valid @RequestBody Rates rates, Principal staff) {
		charges.setRates(id, rates.outboundFenPerMinute(), rates.forwardFenPerMinute(), staff.getName());
	}

	@PostMapping("/tenants/{id}/top-ups")
	@ResponseStatus(HttpStatus.CREATED)
	BalanceEntry topUp(@PathVariable long id, @Valid @RequestBody TopUp topUp, Principal staff) {
		return charges.topUp(id, topUp.amountFen(), topUp.reference(), staff.getName());
	}

	@PostMapping("/tenants/{id}/gateways")
	@ResponseStatus(HttpStatus.CREATED)
	Gateway gateway(@PathVariable long id, @Valid @RequestBody GatewaysAndDevices.GatewayForm form, Principal staff) {
		return gateways.addGateway(id, form, staff.getName());
	}

	@PostMapping("/tenants/{id}/device-orders")
	@ResponseStatus(HttpStatus.CREATED)
	DeviceOrder device(@PathVariable long id, @Valid @RequestBody GatewaysAndDevices.DeviceForm form, Principal staff) {
		return gateways.orderDevice(id, form, staff.getName());
	}

	record OpenedView(long tenantId, String tenantCode, String adminUsername, String adminPassword) {
	}

	record Rejection(@NotBlank @Size(max = 200) String reason) {
	}

	record SeatCount(@Min(1) @Max(100) int count) {
	}

	record Toggle(@NotNull Boolean enabled) {
	}

	record Rates(@Min(0) @Max(100000) int outboundFenPerMinute, @Min(0) @Max(100000) int forwardFenPerMinute) {
	}

	record TopUp(@Min(1) @Max(100_000_000_00L) long amountFen, @Size(max = 100) String reference) {
	}
}
