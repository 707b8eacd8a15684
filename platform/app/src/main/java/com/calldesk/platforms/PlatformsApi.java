package com.calldesk.platforms;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

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

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Platform;
import com.calldesk.users.SignedInUser;

/**
 * 平台对接 as JSON, for tenant administrators and their scripts: the same checks as the page (credentials
 * tried against the platform before they are kept; a stale version → 409), secrets never returned.
 */
@RestController
@RequestMapping("/api/platforms")
class PlatformsApi {

	private final PlatformLinks links;

	private final PlatformDirectory directory;

	private final PlatformAccounts accounts;

	private final NoticeSender notices;

	PlatformsApi(PlatformLinks links, PlatformDirectory directory, PlatformAccounts accounts, NoticeSender notices) {
		this.links = links;
		this.directory = directory;
		this.accounts = accounts;
		this.notices = notices;
	}

	/** One platform as the tenant has it: its fields, the non-secret values, which secrets are set. */
	record LinkJson(String platform, List<CredentialField> fields, Map<String, String> values, List<String> secretsSet, boolean connected,
			boolean enabled, Instant checkedAt, String updatedBy, int version) {
	}

	record Save(@NotNull Map<String, String> values, @PositiveOrZero int version) {
	}

	record Switch(boolean enabled) {
	}

	record PersonJson(String platformUserId, String name, String mobile, List<String> departments) {
	}

	record Bind(@NotNull Long seatId) {
	}

	record NoticeJson(long id, String platform, String kind, String platformUserId, String status, int attempts, String lastError,
			Instant createdAt, Instant sentAt) {
	}

	@GetMapping
	List<LinkJson> list() {
		return links.views().stream().map(v -> new LinkJson(Connectors.slug(v.platform()), v.fields(), v.values(), v.secretsSet(), v.connected(),
				v.enabled(), v.checkedAt(), v.updatedBy(), v.version())).toList();
	}

	@PutMapping("/{platform}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void save(@PathVariable String platform, @Valid @RequestBody Save save, @AuthenticationPrincipal SignedInUser me) {
		links.save(Connectors.parse(platform), save.values(), save.version(), me.username());
	}

	@PutMapping("/{platform}/enabled")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enabled(@PathVariable String platform, @RequestBody Switch body, @AuthenticationPrincipal SignedInUser me) {
		links.setEnabled(Connectors.parse(platform), body.enabled(), me.username());
	}

	@GetMapping("/{platform}/directory")
	List<PersonJson> people(@PathVariable String platform, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "100") int limit) {
		return directory.search(Connectors.parse(platform), q, Math.max(1, Math.min(limit, 500))).stream()
			.map(p -> new PersonJson(p.platformUserId(), p.name(), p.mobile(), p.departments())).toList();
	}

	/** Binds a seat to a person of the organisation (made an agent if they are not a user yet). */
	@PostMapping("/{platform}/directory/{platformUserId}/seat")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void bind(@PathVariable String platform, @PathVariable String platformUserId, @Valid @RequestBody Bind bind,
			@AuthenticationPrincipal SignedInUser me) {
		Platform p = Connectors.parse(platform);
		accounts.bindSeat(p, directory.require(p, platformUserId).user(), bind.seatId(), me.username());
	}

	/** The notices that failed or are being retried, newest first. */
	@GetMapping("/notices")
	List<NoticeJson> troubled() {
		return notices.troubled().stream().map(n -> new NoticeJson(n.id(), Connectors.slug(Platform.valueOf(n.platform())), n.kind(),
				n.platformUserId(), n.status(), n.attempts(), n.lastError(), n.createdAt(), n.sentAt())).toList();
	}
}
