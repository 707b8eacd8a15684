package com.calldesk.desk;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent desktop's single page (built from {@code frontend/} into {@code static/desk/}); its routes live in the page. */
@Controller
class DeskPage {

	@GetMapping({ "/desk", "/desk/" })
	String page() {
		return "forward:/desk/index.html";
	}
}
