package com.calldesk.desk;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.telephony.DisplayNumberPreview;
import com.calldesk.users.SignedInUser;

@Tag(name = "Call workbench", description = "通话工作台 — a call's service note, linked events and work orders, display number")
@RestController
@RequestMapping("/api/calls")
class CallWorkApi {

	private final CallNotes notes;

	private final CallLinks links;

	private final LinkedRecords linked;

	private final DisplayNumberPreview displayNumbers;

	CallWorkApi(CallNotes notes, CallLinks links, LinkedRecords linked, DisplayNumberPreview displayNumbers) {
		this.notes = notes;
		this.links = links;
		this.linked = linked;
		this.displayNumbers = displayNumbers;
	}

	@GetMapping("/{callId}/note")
	@Operation(summary = "The service note (服务备注) of a call; text is empty while none was written")
	CallNote note(@PathVariable String callId) {
		return notes.of(callId);
	}

	@PutMapping("/{callId}/note")
	@Operation(summary = "Save the whole note (autosave; at most 4000 characters), during or after the call")
	CallNote saveNote(@PathVariable String callId, @Valid @RequestBody NoteText note, @AuthenticationPrincipal SignedInUser me) {
		return notes.save(callId, note.text(), me.username());
	}

	@GetMapping("/{callId}/links")
	@Operation(summary = "The work orders and events linked to a call")
	CallLinks.Links links(@PathVariable String callId) {
		return links.of(callId);
	}

	@PostMapping("/{callId}/links")
	@Operation(summary = "Link an existing work order or event (exactly one) to the call; linking it again changes nothing")
	CallLinks.Links link(@PathVariable String callId, @RequestBody LinkTarget target, @AuthenticationPrincipal SignedInUser me) {
		return links.link(callId, target.workOrderId(), target.eventId(), me.username());
	}

	@PostMapping("/{callId}/work-orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a work order linked to the call, in one transaction; without customerId, the caller's customer")
	PopWorkOrder createWorkOrder(@PathVariable String callId, @Valid @RequestBody LinkedRecords.NewWorkOrder form,
			@AuthenticationPrincipal SignedInUser me) {
		return linked.createWorkOrder(callId, form, me.username());
	}

	@PostMapping("/{callId}/events")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an event linked to the call, in one transaction; without customerId, the caller's customer")
	PopEvent createEvent(@PathVariable String callId, @Valid @RequestBody LinkedRecords.NewEvent form,
			@AuthenticationPrincipal SignedInUser me) {
		return linked.createEvent(callId, form, me.username());
	}

	@GetMapping("/display-numbers")
	@Operation(summary = "My call center's display numbers (外显号码) in the order a click-to-call to the number tries them, and the "
			+ "one it would show now (the callee's region first, with a free line)")
	DisplayChoice displayNumbers(@RequestParam("for") String number, @AuthenticationPrincipal SignedInUser me) {
		DisplayNumberPreview.Preview preview = displayNumbers.of(me.tenantId(), PhoneNumbers.require(number));
		return new DisplayChoice(preview.chosen() == null ? null : DisplayOption.of(preview.chosen()),
				preview.inCallOrder().stream().map(DisplayOption::of).toList());
	}

	record NoteText(@NotNull @Size(max = CallNotes.MAX_LENGTH) String text) {
	}

	record LinkTarget(Long workOrderId, Long eventId) {
	}

	record DisplayChoice(DisplayOption chosen, List<DisplayOption> options) {
	}

	record DisplayOption(long id, String number, String regionZh, String regionEn) {

		static DisplayOption of(DisplayNumber display) {
			return new DisplayOption(display.getId(), display.getNumber(), display.getRegionZh(), display.getRegionEn());
		}
	}
}
