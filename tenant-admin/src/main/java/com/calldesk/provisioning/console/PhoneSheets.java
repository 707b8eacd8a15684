package com.calldesk.provisioning.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.PhoneSheet;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.resources.SipAccountProperties;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;

/** Builds a seat's phone configuration sheet; the server is the configured public host, else the console's own host. */
@Component
class PhoneSheets {

	private final SeatAllocation seats;

	private final TenantDirectory tenants;

	private final SipAccountProperties sip;

	PhoneSheets(SeatAllocation seats, TenantDirectory tenants, SipAccountProperties sip) {
		this.seats = seats;
		this.tenants = tenants;
		this.sip = sip;
	}

	PhoneSheet of(long seatId, HttpServletRequest request) {
		Seat seat = seats.require(seatId);
		Tenant tenant = tenants.require(seat.getTenantId());
		String host = sip.publicHost() == null || sip.publicHost().isBlank() ? request.getServerName() : sip.publicHost();
		return PhoneSheet.of(seat, tenant.getCode(), tenant.getName(), host, sip.port());
	}
}
