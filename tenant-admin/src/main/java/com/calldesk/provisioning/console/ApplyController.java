package com.calldesk.provisioning.console;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;

/** The public application form (申请开通): no sign-in needed. */
@Controller
class ApplyController {

	private final OpeningCallCenter opening;

	ApplyController(OpeningCallCenter opening) {
		this.opening = opening;
	}

	@GetMapping("/apply")
	String form(Model model) {
		model.addAttribute("form", new ApplicationForm("", "", "", null, 1, null));
		return "apply";
	}

	@PostMapping("/apply")
	String submit(@Valid @ModelAttribute("form") ApplicationForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			model.addAttribute("error", "request.invalid");
			return "apply";
		}
		try {
			model.addAttribute("submitted", opening.apply(form));
		}
		catch (DomainException ex) {
			model.addAttribute("error", ex.code());
		}
		return "apply";
	}
}
