package com.calldesk.acd;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.calldesk.calls.AgentView;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.seats.SeatSettings;
import com.calldesk.sip.registrar.Locations;

/** Builds {@link DeskAgent}s: for the signed-in user (REST) and for a change heard on the CTI bus (live channel). */
@Component
public class DeskAgents {

	private final AgentDesk desk;

	private final SeatSettings seats;

	private final Locations locations;

	DeskAgents(AgentDesk desk, SeatSettings seats, Locations locations) {
		this.desk = desk;
		this.seats = seats;
		this.locations = locations;
	}

	/** The user's seat, by its SIP account. @throws DomainException 409 {@code agent.no-seat} when none is bound */
	public Seat seatOf(long userId) {
		return seats.seatOf(userId).orElseThrow(() -> DomainException.conflict("agent.no-seat"));
	}

	public Optional<DeskAgent> of(long tenantId, Seat seat) {
		return desk.agent(tenantId, seat.getSipUsername()).map(agent -> of(desk.view(agent), seat));
	}

	public DeskAgent of(AgentView agent, Seat seat) {
		return of(agent, String.format("%04d", seat.getSeatNo()));
	}

	/** {@code seatNumber}: the seat's number as people say it (0001). */
	public DeskAgent of(AgentView agent, String seatNumber) {
		return DeskAgent.of(agent, seatNumber, !locations.of(agent.seat()).isEmpty());
	}

	/** The agent of the seat with SIP account {@code sipUsername}; empty when the tenant has no such seat. */
	public Optional<DeskAgent> of(long tenantId, String sipUsername, String seatNumber) {
		return desk.agent(tenantId, sipUsername).map(agent -> of(desk.view(agent), seatNumber));
	}

	public DeskAgent mine(long tenantId, long userId) {
		Seat seat = seatOf(userId);
		return of(tenantId, seat).orElseThrow(() -> DomainException.conflict("agent.no-seat"));
	}
}
