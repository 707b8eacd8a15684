package com.calldesk.seats;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.calldesk.calls.CtiBus;
import com.calldesk.calls.SeatReleased;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.AppUser;
import com.calldesk.users.UserAccounts;

/** Binds and unbinds the current tenant's seats. A seat of another tenant is simply not found. */
@Service
public class SeatSettings {

	private final SeatAllocation seats;

	private final SeatBindingMapper bindings;

	private final UserAccounts users;

	private final Clock clock;

	private final CtiBus bus;

	SeatSettings(SeatAllocation seats, SeatBindingMapper bindings, UserAccounts users, Clock clock, CtiBus bus) {
		this.bus = bus;
		this.seats = seats;
		this.bindings = bindings;
		this.users = users;
		this.clock = clock;
	}

	public List<SeatRow> list() {
		long tenantId = TenantContext.require().tenantId();
		Map<Long, SeatBinding> bySeat = bindings.selectList(null).stream()
			.collect(Collectors.toMap(SeatBinding::getSeatId, Function.identity()));
		Map<Long, AppUser> usersById = users.all().stream().collect(Collectors.toMap(AppUser::getId, Function.identity()));
		return seats.of(tenantId).stream().map(seat -> {
			SeatBinding binding = bySeat.get(seat.getId());
			return new SeatRow(seat.getId(), seat.getSeatNo(), seat.getSipUsername(),
					binding == null ? null : usersById.get(binding.getUserId()));
		}).toList();
	}

	@Transactional
	public void bind(long seatId, long userId, String by) {
		Seat seat = ownSeat(seatId);
		users.require(userId);
		if (bindings.exists(Wrappers.<SeatBinding>lambdaQuery().eq(SeatBinding::getSeatId, seatId))) {
			throw DomainException.conflict("seat.already-bound", seat.getSipUsername());
		}
		if (bindings.exists(Wrappers.<SeatBinding>lambdaQuery().eq(SeatBinding::getUserId, userId))) {
			throw DomainException.conflict("user.already-bound");
		}
		SeatBinding binding = new SeatBinding();
		binding.setSeatId(seatId);
		binding.setUserId(userId);
		binding.setBoundBy(by);
		binding.setBoundAt(clock.instant());
		try {
			bindings.insert(binding);
		}
		catch (DuplicateKeyException raced) {
			throw DomainException.conflict("seat.already-bound", seat.getSipUsername());
		}
	}

	@Transactional
	public void unbind(long seatId) {
		Seat seat = ownSeat(seatId);
		SeatBinding binding = bindings.selectOne(Wrappers.<SeatBinding>lambdaQuery().eq(SeatBinding::getSeatId, seatId));
		if (binding == null || bindings.deleteById(binding.getId()) == 0) {
			throw DomainException.notFound("seat.not-bound", seat.getSipUsername());
		}
		released(new SeatReleased(TenantContext.require().tenantId(), ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()), clock.instant(),
				seat.getSipUsername(), binding.getUserId()));
	}

	/** Every node hears it once the unbinding has committed, so no desk keeps hearing a seat that is no longer its user's. */
	private void released(SeatReleased event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					bus.publish(event);
				}
			});
		}
		else {
			bus.publish(event);
		}
	}

	/** Frees the seat of a user who may no longer work (left the organisation); false when they had none. */
	@Transactional
	public boolean releaseSeatOf(long userId) {
		Optional<Seat> seat = seatOf(userId);
		seat.ifPresent(s -> unbind(s.getId()));
		return seat.isPresent();
	}

	/** The user at the seat with this SIP account, if it is bound. */
	public Optional<Long> userAt(String sipUsername) {
		long tenantId = TenantContext.require().tenantId();
		return seats.of(tenantId).stream().filter(s -> s.getSipUsername().equals(sipUsername)).findFirst()
			.map(s -> bindings.selectOne(Wrappers.<SeatBinding>lambdaQuery().eq(SeatBinding::getSeatId, s.getId())))
			.map(SeatBinding::getUserId);
	}

	/** The seat bound to a user of the current tenant, if any. */
	public Optional<Seat> seatOf(long userId) {
		SeatBinding binding = bindings.selectOne(Wrappers.<SeatBinding>lambdaQuery().eq(SeatBinding::getUserId, userId));
		return binding == null ? Optional.empty() : Optional.of(seats.require(binding.getSeatId()));
	}

	private Seat ownSeat(long seatId) {
		Seat seat = seats.of(TenantContext.require().tenantId()).stream().filter(s -> s.getId() == seatId).findFirst()
			.orElse(null);
		if (seat == null) {
			throw DomainException.notFound("seat.not-found", seatId);
		}
		return seat;
	}

	/** One line of the seat settings page. */
	public record SeatRow(long seatId, int seatNo, String sipUsername, AppUser user) {

		public String seatLabel() {
			return String.format("%04d", seatNo);
		}
	}
}
