package com.calldesk.desk;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.Seat;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.telephony.CallRecord;
import com.calldesk.users.SignedInUser;

@Tag(name = "Agent desktop", description = "坐席工作台 — who I am, my calls today, colleagues, screen pop, new caller")
@RestController
@RequestMapping("/api/desk")
class DeskApi {

	private final TenantDirectory tenants;

	private final SeatSettings seats;

	private final Colleagues colleagues;

	private final SessionCalls sessionCalls;

	private final OwnCalls calls;

	private final ScreenPops pops;

	private final NewCallers callers;

	DeskApi(TenantDirectory tenants, SeatSettings seats, Colleagues colleagues, SessionCalls sessionCalls, OwnCalls calls, ScreenPops pops,
			NewCallers callers) {
		this.tenants = tenants;
		this.seats = seats;
		this.colleagues = colleagues;
		this.sessionCalls = sessionCalls;
		this.calls = calls;
		this.pops = pops;
		this.callers = callers;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user, their tenant and seat, and the CSRF header every unsafe call must send")
	Me me(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new Me(me.tenantCode(), tenants.require(me.tenantId()).getName(), me.userId(), me.username(), me.displayName(),
				List.of(me.role().name()), seatOf(me).map(s -> new MySeat(s.getSipUsername(), String.format("%04d", s.getSeatNo()))).orElse(null),
				csrf == null ? null : new Csrf(csrf.getHeaderName(), csrf.getToken()));
	}

	@GetMapping("/colleagues")
	@Operation(summary = "The other seats of my call center with their agents; free = available (空闲) and waiting")
	List<Colleagues.Colleague> colleagues(@AuthenticationPrincipal SignedInUser me) {
		return colleagues.of(me.tenantId(), seatOf(me).map(Seat::getSipUsername).orElse(null));
	}

	@GetMapping("/calls")
	@Operation(summary = "My seat's calls today (China time), newest first, at most 50, each with its service note")
	List<SessionCalls.DeskCall> calls(@AuthenticationPrincipal SignedInUser me) {
		return sessionCalls.of(seatOf(me).map(Seat::getSipUsername).orElseThrow(() -> DomainException.conflict("agent.no-seat")));
	}

	@GetMapping("/pop/{callId}")
	@Operation(summary = "The screen pop of a call of my call center: caller and region, matching contacts, the customer's calls "
			+ "today, open events and work orders")
	ScreenPop pop(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		CallRecord call = calls.require(callId);
		return pops.pop(me.tenantId(), callId, call.getCustomerNumber(), call.getTrunkNumber(), call.getDialledNumber());
	}

	@PostMapping("/callers")
	@Operation(summary = "Save a new caller in one click: a customer (named, or the caller as their own) and a contact with the "
			+ "number; the same number saved again answers with its contact and created=false")
	NewCallers.SavedCaller saveCaller(@Valid @RequestBody NewCallers.NewCaller caller) {
		return callers.save(caller);
	}

	private Optional<Seat> seatOf(SignedInUser me) {
		return seats.seatOf(me.userId());
	}

	record Me(String tenantCode, String tenantName, long userId, String username, String displayName, List<String> roles, MySeat seat,
			Csrf csrf) {
	}

	record MySeat(String sipUsername, String number) {
	}

	record Csrf(String headerName, String token) {
	}
}
