package com.calldesk.center;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "服务水平 — the service-level wallboard of a day, hour by hour")
@RestController
@RequestMapping("/api/center/service-level")
class ServiceLevelApi {

	private final ServiceLevelBoard board;

	ServiceLevelApi(ServiceLevelBoard board) {
		this.board = board;
	}

	@GetMapping
	@Operation(summary = "A day's wallboard: the queue now (today), service level, answer and abandon rates, ASA, occupancy and AHT with "
			+ "their formulas, and the same figures for each hour 0–23 (China time)")
	ServiceLevelBoard.Board of(@Parameter(description = "yyyy-MM-dd (China), default today") @RequestParam(required = false) String day,
			@AuthenticationPrincipal SignedInUser me) {
		return board.of(me.tenantId(), day);
	}
}
