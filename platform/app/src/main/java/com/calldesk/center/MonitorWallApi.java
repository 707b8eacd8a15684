package com.calldesk.center;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.calls.AgentStatus;
import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "监控墙 — every seat now and its day so far; a supervisor switches an agent's status")
@RestController
@RequestMapping("/api/center/wall")
class MonitorWallApi {

	private final MonitorWall wall;

	MonitorWallApi(MonitorWall wall) {
		this.wall = wall;
	}

	@GetMapping
	@Operation(summary = "Every seat: status and since when, bound user, phone registered, today's inbound answered and talk time, outbound "
			+ "calls and talk time, answer rate of the calls offered to it, and time signed in, busy, resting, talking and in wrap-up")
	MonitorWall.Wall now(@AuthenticationPrincipal SignedInUser me) {
		return wall.now(me.tenantId());
	}

	@PutMapping("/{seat}/status")
	@Operation(summary = "Set a seat's agent to IDLE, BUSY, REST (with a reason: lunch, meeting, training, break) or OFFLINE, as the agent "
			+ "could on the desk")
	MonitorWall.SeatLine choose(@PathVariable String seat, @Valid @RequestBody StatusChoice choice, @AuthenticationPrincipal SignedInUser me) {
		return wall.choose(me, seat, choice.status(), choice.reason());
	}

	record StatusChoice(@NotNull AgentStatus status, @jakarta.validation.constraints.Pattern(regexp = "lunch|meeting|training|break") String reason) {
	}
}
