package com.calldesk.acd;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;
import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.SignedInUser;

/** The signed-in agent's own status and state (F8, F24): what the agent web's status switch calls. */
@RestController
@RequestMapping("/api/agent")
@Tag(name = "Agent", description = "坐席状态 / the signed-in agent's status")
class AgentApi {

	private final AgentDesk desk;

	private final DeskAgents agents;

	AgentApi(AgentDesk desk, DeskAgents agents) {
		this.desk = desk;
		this.agents = agents;
	}

	@GetMapping
	@Operation(summary = "My seat's status and state, time in it, today's answered calls, whether my phone is registered")
	DeskAgent me(@AuthenticationPrincipal SignedInUser me) {
		return agents.mine(me.tenantId(), me.userId());
	}

	@PutMapping("/status")
	@Operation(summary = "Choose IDLE (空闲), BUSY (忙碌中), REST (小休, with a reason: lunch, meeting, training, break) or OFFLINE (离线); "
			+ "busy and rest get no calls")
	DeskAgent choose(@Valid @RequestBody StatusChoice choice, @AuthenticationPrincipal SignedInUser me) {
		if (choice.reason() != null && choice.status() != AgentStatus.REST) {
			throw DomainException.badRequest("agent.reason-only-resting");
		}
		desk.choose(me.tenantId(), agents.seatOf(me.userId()).getSipUsername(), choice.status(), choice.reason());
		return agents.mine(me.tenantId(), me.userId());
	}

	@PostMapping("/wrap-up/end")
	@Operation(summary = "End wrap-up (话后) before its timer")
	DeskAgent endWrapUp(@AuthenticationPrincipal SignedInUser me) {
		desk.endWrapUp(me.tenantId(), agents.seatOf(me.userId()).getSipUsername());
		return agents.mine(me.tenantId(), me.userId());
	}

	/** {@code reason}: why the agent rests (lunch, meeting, training, break), only with REST. */
	record StatusChoice(@NotNull AgentStatus status, @jakarta.validation.constraints.Pattern(regexp = "lunch|meeting|training|break") String reason) {
	}
}
