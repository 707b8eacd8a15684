package com.calldesk.provisioning.resources;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.Tenant;
import com.calldesk.provisioning.tenants.TenantDirectory;

/** Seats and their SIP accounts (F2, F3). */
@Service
public class SeatAllocation {

	private final SeatMapper seats;

	private final TenantDirectory tenants;

	private final OrderBook orders;

	private final SipAccountProperties sip;

	private final Clock clock;

	SeatAllocation(SeatMapper seats, TenantDirectory tenants, OrderBook orders, SipAccountProperties sip, Clock clock) {
		this.seats = seats;
		this.tenants = tenants;
		this.orders = orders;
		this.sip = sip;
		this.clock = clock;
	}

	/** Allocates {@code count} seats; the returned passwords exist nowhere else. */
	@Transactional
	public List<IssuedPassword> allocate(long tenantId, int count, String staff) {
		if (count < 1 || count > 100) {
			throw DomainException.badRequest("seat.count");
		}
		Tenant tenant = tenants.require(tenantId);
		Seat highest = seats.selectOne(Wrappers.<Seat>lambdaQuery().eq(Seat::getTenantId, tenantId)
			.orderByDesc(Seat::getSeatNo).last("LIMIT 1"));
		int next = highest == null ? 1 : highest.getSeatNo() + 1;
		if (next + count - 1 > 9999) {
			throw DomainException.badRequest("seat.limit");
		}
		List<IssuedPassword> issued = new ArrayList<>();
		for (int seatNo = next; seatNo < next + count; seatNo++) {
			String password = SeatCredentials.newPassword();
			Seat seat = new Seat();
			seat.setTenantId(tenantId);
			seat.setSeatNo(seatNo);
			seat.setSipUsername(SeatCredentials.sipUsername(tenant.getCode(), seatNo));
			seat.setRealm(sip.realm());
			seat.setHa1(SeatCredentials.ha1(seat.getSipUsername(), sip.realm(), password));
			seat.setPasswordChangedAt(clock.instant());
			seat.setCreatedAt(clock.instant());
			seats.insert(seat);
			issued.add(new IssuedPassword(seat.getId(), seatNo, seat.getSipUsername(), password));
		}
		orders.record(tenantId, "SEAT", "坐席 / seats " + issued.get(0).sipUsername() + " … "
				+ issued.get(issued.size() - 1).sipUsername() + " (" + count + ")", staff);
		return issued;
	}

	@Transactional
	public IssuedPassword resetPassword(long seatId, String staff) {
		Seat seat = require(seatId);
		String password = SeatCredentials.newPassword();
		seat.setRealm(sip.realm());
		seat.setHa1(SeatCredentials.ha1(seat.getSipUsername(), sip.realm(), password));
		seat.setPasswordChangedAt(clock.instant());
		seats.updateById(seat);
		orders.record(seat.getTenantId(), "SEAT_PASSWORD", "重置坐席密码 / seat password reset " + seat.getSipUsername(), staff);
		return new IssuedPassword(seat.getId(), seat.getSeatNo(), seat.getSipUsername(), password);
	}

	public Seat require(long seatId) {
		Seat seat = seats.selectById(seatId);
		if (seat == null) {
			throw DomainException.notFound("seat.not-found", seatId);
		}
		return seat;
	}

	public List<Seat> of(long tenantId) {
		return seats.selectList(Wrappers.<Seat>lambdaQuery().eq(Seat::getTenantId, tenantId).orderByAsc(Seat::getSeatNo));
	}

	/** A seat's SIP password as issued: shown to staff once. */
	public record IssuedPassword(long seatId, int seatNo, String sipUsername, String password) {
	}
}
