package com.calldesk.seats;



import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.calldesk.problem.DomainException;
import com.calldesk.users.SignedInUser;
import com.calldesk.users.UserAccounts;

/** The seat settings page for tenant administrators. */
@Controller
class SeatSettingsController {

	private final SeatSettings settings;

	private final UserAccounts users;

	SeatSettingsController(SeatSettings settings, UserAccounts users) {
		this.settings = settings;
		this.users = users;
	}

	@GetMapping("/settings/seats")
	String page(Model model) {
		model.addAttribute("seats", settings.list());
		model.addAttribute("users", users.all());
		return "settings/seats";
	}

	@PostMapping("/settings/seats/{seatId}/bind")
	String bind(@PathVariable long seatId, @RequestParam long userId, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes flash) {
		return attempt(flash, () -> settings.bind(seatId, userId, me.username()));
	}

	@PostMapping("/settings/seats/{seatId}/unbind")
	String unbind(@PathVariable long seatId, RedirectAttributes flash) {
		return attempt(flash, () -> settings.unbind(seatId));
	}

	private static String attempt(RedirectAttributes flash, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", "ui.saved");
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.code());
			flash.addFlashAttribute("errorArgs", ex.args());
		}
		return "redirect:/settings/seats";
	}
}
