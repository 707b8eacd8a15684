package com.calldesk.center;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "呼叫中心设置 — service level threshold, callback SLA, recording retention")
@RestController
@RequestMapping("/api/center/settings")
class CenterSettingsApi {

	private static final Logger log = LoggerFactory.getLogger(CenterSettingsApi.class);

	private final CenterSettings.Rows rows;

	private final CenterToday clock;

	CenterSettingsApi(CenterSettings.Rows rows, CenterToday clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The service level's N (answered within N s), the callback tasks' SLA in minutes, recording retention in days (null: kept)")
	CenterSettings read() {
		return rows.read();
	}

	@PutMapping
	@Transactional
	@Operation(summary = "Change them (tenant administrators): N 5–600 s, SLA 5–10080 min, retention 1–3650 days or null. A shorter retention "
			+ "deletes the recordings past it at the next nightly sweep (legal holds kept); new callback tasks get the new SLA")
	CenterSettings write(@Valid @RequestBody CenterSettings changed, @AuthenticationPrincipal SignedInUser me) {
		rows.write(changed, me.username(), clock.now());
		log.info("{} of tenant {} set the call center settings: service level {} s, callback SLA {} min, retention {} days", me.username(),
				me.tenantCode(), changed.serviceLevelSeconds(), changed.callbackSlaMinutes(), changed.recordingRetentionDays());
		return rows.read();
	}
}
