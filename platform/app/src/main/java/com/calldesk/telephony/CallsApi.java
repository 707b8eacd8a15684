package com.calldesk.telephony;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.calls.CallCommands;
import com.calldesk.calls.CallView;
import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.sip.calls.ClickToCall;
import com.calldesk.users.SignedInUser;

@Tag(name = "Calls", description = "通话 — click-to-call, hang up, a call's record and legs")
@RestController
@RequestMapping("/api/calls")
class CallsApi {

	private final CallControl control;

	private final CallCommands commands;

	private final SeatSettings seats;

	private final CallRecords records;

	CallsApi(CallControl control, CallCommands commands, SeatSettings seats, CallRecords records) {
		this.control = control;
		this.commands = commands;
		this.seats = seats;
		this.records = records;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Click-to-call (F9): your phone rings (and answers by itself where it can), then the customer; "
			+ "the display number is the one in the customer's region with a free line unless you pick one")
	Placed call(@Valid @RequestBody Dial dial, @AuthenticationPrincipal SignedInUser me) {
		String seat = seats.seatOf(me.userId()).map(s -> s.getSipUsername()).orElseThrow(() -> DomainException.conflict("agent.no-seat"));
		return new Placed(control.clickToCall(new ClickToCall(me.tenantId(), me.tenantCode(), seat, dial.number().strip(), dial.displayNumberId())));
	}

	@DeleteMapping("/{callId}")
	@Operation(summary = "Hang up a call of your call center now in progress")
	CallRecordView hangUp(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		commands.hangUp(me.tenantId(), callId);
		return get(callId);
	}

	@PostMapping("/{callId}/transfer")
	@Operation(summary = "Blind transfer (F10) to an idle agent's seat or to a number: refused with the reason while the customer "
			+ "stays with you when the agent is busy or offline; the customer hears hold music while the new leg rings")
	CallRecordView transfer(@PathVariable String callId, @Valid @RequestBody TransferTo to, @AuthenticationPrincipal SignedInUser me) {
		if ((to.seat() == null) == (to.number() == null)) {
			throw DomainException.badRequest("call.transfer.target");
		}
		if (to.seat() != null) {
			commands.transferToSeat(me.tenantId(), callId, ownSeat(to.seat()));
		}
		else {
			commands.transferToNumber(me.tenantId(), callId, to.number().strip());
		}
		return get(callId);
	}

	@PostMapping("/{callId}/consult")
	@Operation(summary = "Consult (F10): the customer hears hold music while you talk to an idle agent's seat; refused with the reason "
			+ "while the customer stays with you when the agent is busy or offline. CTI event ConsultAnswered when you talk")
	CallRecordView consult(@PathVariable String callId, @Valid @RequestBody ConsultWith with, @AuthenticationPrincipal SignedInUser me) {
		commands.consult(me.tenantId(), callId, ownSeat(with.seat()));
		return get(callId);
	}

	@PostMapping("/{callId}/consult/complete")
	@Operation(summary = "Consult-transfer: the consulted agent takes the customer, you are hung up")
	CallRecordView completeConsult(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		commands.completeConsult(me.tenantId(), callId);
		return get(callId);
	}

	@DeleteMapping("/{callId}/consult")
	@Operation(summary = "End the consultation: the consulted agent is hung up, you are back with the customer")
	CallRecordView cancelConsult(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		commands.cancelConsult(me.tenantId(), callId);
		return get(callId);
	}

	@PostMapping("/{callId}/hold")
	@Operation(summary = "Hold (保持): the customer hears hold music until taken back; the phones stay connected")
	CallView hold(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		return commands.hold(me.tenantId(), callId);
	}

	@DeleteMapping("/{callId}/hold")
	@Operation(summary = "Take the customer back from hold (取回)")
	CallView resume(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		return commands.resume(me.tenantId(), callId);
	}

	@PostMapping("/{callId}/answer")
	@Operation(summary = "Answer hint: your desk phone, ringing for the call, is asked to pick up by itself (NOTIFY Event: talk; "
			+ "Yealink, Fanvil, Polycom); a phone that cannot keeps ringing")
	CallView answer(@PathVariable String callId, @AuthenticationPrincipal SignedInUser me) {
		String seat = seats.seatOf(me.userId()).map(s -> s.getSipUsername()).orElseThrow(() -> DomainException.conflict("agent.no-seat"));
		return commands.answerHint(me.tenantId(), callId, seat);
	}

	@GetMapping("/{callId}")
	@Operation(summary = "A call's record and every leg it had")
	CallRecordView get(@PathVariable String callId) {
		CallRecord record = records.find(callId);
		if (record == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		return new CallRecordView(record, records.legsOf(callId));
	}

	/** A seat of the signed-in user's own tenant, by its SIP account; another tenant's is as unknown as none. */
	private String ownSeat(String sipUsername) {
		return seats.list().stream().map(SeatSettings.SeatRow::sipUsername).filter(sipUsername::equals).findFirst()
			.orElseThrow(() -> DomainException.notFound("call.seat-not-found", sipUsername));
	}

	record Dial(@NotBlank @Size(max = 30) String number, Long displayNumberId) {
	}

	record Placed(String callId) {
	}

	record ConsultWith(@jakarta.validation.constraints.NotBlank @Size(max = 40) String seat) {
	}

	/** A seat (its SIP account, as the agents list shows it) or a number; exactly one. */
	record TransferTo(@Size(max = 40) String seat, @Size(max = 30) String number) {
	}

	record CallRecordView(CallRecord record, List<CallLeg> legs) {
	}
}
