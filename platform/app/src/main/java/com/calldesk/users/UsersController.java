package com.calldesk.users;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.calldesk.problem.DomainException;

/** The user list page for tenant administrators (系统设置 › 账号). */
@Controller
class UsersController {

	private final UserAccounts users;

	UsersController(UserAccounts users) {
		this.users = users;
	}

	@GetMapping("/settings/users")
	String page(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("roles", Role.values());
		return "settings/users";
	}

	@PostMapping("/settings/users")
	String create(@Valid @ModelAttribute UserAccounts.NewUser user, BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			flash.addFlashAttribute("error", "request.invalid");
			return "redirect:/settings/users";
		}
		try {
			users.create(user);
			flash.addFlashAttribute("done", "ui.saved");
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.code());
			flash.addFlashAttribute("errorArgs", ex.args());
		}
		return "redirect:/settings/users";
	}
}
