package com.calldesk.center;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.state.ChannelCounter;

/**
 * The call center page's basic information (F21): the tenant's trunk numbers with their 400 numbers
 * and how many channels are in use now, its display numbers with their region, its seats and how many
 * have somebody at them, the balance and this month's call charges.
 */
@Component
class CenterInfo {

	private final TenantDirectory tenants;

	private final NumberAllocation numbers;

	private final ChannelCounter channels;

	private final SeatSettings seats;

	private final CallListMapper mapper;

	private final CenterToday today;

	CenterInfo(TenantDirectory tenants, NumberAllocation numbers, ChannelCounter channels, SeatSettings seats, CallListMapper mapper,
			CenterToday today) {
		this.tenants = tenants;
		this.numbers = numbers;
		this.channels = channels;
		this.seats = seats;
		this.mapper = mapper;
		this.today = today;
	}

	record Info(String tenantCode, String tenantName, List<Trunk> trunks, List<Display> displayNumbers, int seats, int seatsTaken,
			long balanceFen, long monthChargesFen, Instant at) {
	}

	record Trunk(long id, String number, String serviceNumber, int channels, long channelsInUse) {
	}

	record Display(long id, String number, String regionZh, String regionEn) {
	}

	Info of(long tenantId) {
		Tenant tenant = tenants.require(tenantId);
		List<Trunk> trunks = numbers.trunkNumbersOf(tenantId).stream()
			.map(t -> new Trunk(t.getId(), national(t.getNumber()), t.getServiceNumber(), t.getChannelLimit() == null ? 0 : t.getChannelLimit(),
					channels.inUse("trunk:" + t.getId())))
			.toList();
		List<Display> displays = numbers.displayNumbersOf(tenantId).stream()
			.map(d -> new Display(d.getId(), national(d.getNumber()), d.getRegionZh(), d.getRegionEn()))
			.toList();
		List<SeatSettings.SeatRow> rows = seats.list();
		LocalDate firstOfMonth = today.today().withDayOfMonth(1);
		Long charges = mapper.chargesSince(firstOfMonth.atStartOfDay(CallListQuery.CHINA).toInstant());
		return new Info(tenant.getCode(), tenant.getName(), trunks, displays, rows.size(), (int) rows.stream().filter(r -> r.user() != null).count(),
				tenant.getBalanceFen() == null ? 0 : tenant.getBalanceFen(), charges == null ? 0 : charges, today.now());
	}

	private static String national(String number) {
		return PhoneNumbers.parse(number).map(PhoneNumber::national).orElse(number);
	}
}
