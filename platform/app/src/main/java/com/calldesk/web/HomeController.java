package com.calldesk.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.calldesk.seats.SeatSettings;
import com.calldesk.users.SignedInUser;

/** Sign-in page and the signed-in user's home: who they are and which seat (SIP account) they work on. */
@Controller
class HomeController {

	private final SeatSettings seats;

	HomeController(SeatSettings seats) {
		this.seats = seats;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("seat", seats.seatOf(me.userId()).orElse(null));
		return "home";
	}
}
