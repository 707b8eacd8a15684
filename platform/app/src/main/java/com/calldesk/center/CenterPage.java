package com.calldesk.center;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The call center page (built from {@code frontend/center.html} into {@code static/desk/}). */
@Controller
class CenterPage {

	@GetMapping({ "/center", "/center/" })
	String page() {
		return "forward:/desk/center.html";
	}
}
