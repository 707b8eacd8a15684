package com.calldesk.callback;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Callbacks", description = "回拨任务 — missed callers to call back (B2)")
@RestController
@RequestMapping("/api/callbacks")
class CallbackApi {

	private final CallbackTasks tasks;

	CallbackApi(CallbackTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(summary = "Open tasks, soonest due first (status=DONE: closed ones, latest first); agents get their own, "
			+ "supervisors and administrators everyone's unless mine=true")
	List<CallbackTask> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine,
			@AuthenticationPrincipal SignedInUser me) {
		return tasks.list(me, status, mine);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A task with its attempts")
	CallbackTasks.Detail detail(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
		return tasks.detail(me, id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close the task with an outcome (CALLED_BACK, RESOLVED, NO_NEED, UNREACHABLE, WRONG_NUMBER); pass the version "
			+ "you saw: 409 if somebody closed or changed it meanwhile")
	CallbackTasks.Detail close(@PathVariable long id, @RequestBody Outcome outcome, @AuthenticationPrincipal SignedInUser me) {
		return tasks.close(me, id, outcome.outcome(), outcome.note(), outcome.version());
	}

	@PostMapping("/{id}/attempts")
	@Operation(summary = "Write down an attempt that did not reach the caller (NOT_REACHED, BUSY, LEFT_MESSAGE, CALL_LATER); the task stays open")
	CallbackTasks.Detail attempt(@PathVariable long id, @RequestBody Outcome outcome, @AuthenticationPrincipal SignedInUser me) {
		return tasks.attempt(me, id, outcome.outcome(), outcome.note());
	}

	record Outcome(String outcome, String note, Integer version) {
	}
}
