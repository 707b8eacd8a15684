package com.calldesk.seats;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

/** Seat bindings as JSON (tenant administrators only). */
@RestController
@RequestMapping("/api/seats")
class SeatsApi {

	private final SeatSettings settings;

	SeatsApi(SeatSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	List<SeatView> list() {
		return settings.list().stream()
			.map(row -> new SeatView(row.seatId(), row.seatLabel(), row.sipUsername(), row.user() == null ? null : row.user().getId(),
					row.user() == null ? null : row.user().getUsername()))
			.toList();
	}

	@PutMapping("/{seatId}/binding")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void bind(@PathVariable long seatId, @Valid @RequestBody Binding binding, @AuthenticationPrincipal SignedInUser me) {
		settings.bind(seatId, binding.userId(), me.username());
	}

	@DeleteMapping("/{seatId}/binding")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unbind(@PathVariable long seatId) {
		settings.unbind(seatId);
	}

	record Binding(@NotNull Long userId) {
	}

	record SeatView(long seatId, String seatNo, String sipUsername, Long userId, String username) {
	}
}
