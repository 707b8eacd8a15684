package com.calldesk.acd;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in agent's own status and state (F8, F24): what the agent web's status switch calls. */
@RestController
@RequestMapping("/api/agent")
@Tag(name = "Agent", description = "坐席状态 / the signed-in agent's status")
class AgentApi {

	private final AgentDesk desk;

	private final SeatSettings seats;

	AgentApi(AgentDesk desk, SeatSettings seats) {
		this.desk = desk;
		this.seats = seats;
	}

	@GetMapping
	@Operation(summary = "My seat's status and state")
	AgentView me(@AuthenticationPrincipal SignedInUser me) {
		return AgentView.of(desk.agent(me.tenantId(), seatOf(me)).orElseThrow(() -> DomainException.conflict("agent.no-seat")));
	}

	@PutMapping("/status")
	@Operation(summary = "Choose IDLE (空闲), BUSY (忙碌中), REST (小休) or OFFLINE (离线); busy and rest get no calls")
	AgentView choose(@Valid @RequestBody StatusChoice choice, @AuthenticationPrincipal SignedInUser me) {
		return AgentView.of(desk.choose(me.tenantId(), seatOf(me), choice.status()));
	}

	@PostMapping("/wrap-up/end")
	@Operation(summary = "End wrap-up (话后) before its timer")
	AgentView endWrapUp(@AuthenticationPrincipal SignedInUser me) {
		return AgentView.of(desk.endWrapUp(me.tenantId(), seatOf(me)));
	}

	private String seatOf(SignedInUser me) {
		return seats.seatOf(me.userId()).map(seat -> seat.getSipUsername()).orElseThrow(() -> DomainException.conflict("agent.no-seat"));
	}

	record StatusChoice(@NotNull AgentStatus status) {
	}

	/** A seat's agent as the web shows it. */
	record AgentView(String seat, AgentStatus status, AgentState state, Instant since, String callId, String reason, Instant wrapUpUntil,
			int missedInARow) {

		static AgentView of(SeatAgent agent) {
			return new AgentView(agent.seat(), agent.status(), agent.state(), agent.since(), agent.callId(), agent.reason(),
					agent.wrapUpUntil(), agent.missedInARow());
		}
	}
}
