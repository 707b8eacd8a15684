package com.calldesk.provisioning.console;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;

/** The application form as JSON, for a sales site that collects applications itself. */
@RestController
class ApplicationsApi {

	private final OpeningCallCenter opening;

	ApplicationsApi(OpeningCallCenter opening) {
		this.opening = opening;
	}

	@PostMapping("/api/applications")
	@ResponseStatus(HttpStatus.CREATED)
	Submitted submit(@Valid @RequestBody ApplicationForm form) {
		return new Submitted(opening.apply(form).getId());
	}

	record Submitted(long applicationId) {
	}
}
