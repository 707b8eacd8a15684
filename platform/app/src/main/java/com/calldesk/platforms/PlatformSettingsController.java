package com.calldesk.platforms;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.calldesk.connector.Platform;
import com.calldesk.problem.DomainException;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.SignedInUser;

/**
 * 平台对接 for tenant administrators: connect DingTalk, WeCom or Feishu (credentials checked with the
 * platform before they are kept), the URLs to enter in the platform's console, the notices that
 * failed, and the organisation's people to bind to seats.
 */
@Controller
class PlatformSettingsController {

	private final PlatformLinks links;

	private final PlatformDirectory directory;

	private final PlatformAccounts accounts;

	private final SeatSettings seats;

	private final NoticeSender notices;

	private final PlatformProperties properties;

	private final DomainVerifications verifications;

	PlatformSettingsController(PlatformLinks links, PlatformDirectory directory, PlatformAccounts accounts, SeatSettings seats,
			NoticeSender notices, PlatformProperties properties, DomainVerifications verifications) {
		this.verifications = verifications;
		this.links = links;
		this.directory = directory;
		this.accounts = accounts;
		this.seats = seats;
		this.notices = notices;
		this.properties = properties;
	}

	@GetMapping("/settings/platforms")
	String page(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("links", links.views());
		model.addAttribute("canKeepSecrets", links.canKeepSecrets());
		model.addAttribute("base", properties.publicUrl());
		model.addAttribute("tenantCode", me.tenantCode());
		model.addAttribute("notices", notices.troubled());
		model.addAttribute("verifyFiles", verifications.own());
		return "settings/platforms";
	}

	@PostMapping("/settings/platforms/{platform}")
	String save(@PathVariable String platform, @RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes flash) {
		Platform p = Connectors.parse(platform);
		int version = parseVersion(form.get("version"));
		return attempt(flash, "/settings/platforms", () -> links.save(p, form, version, me.username()));
	}

	@PostMapping("/settings/platforms/{platform}/enabled")
	String enabled(@PathVariable String platform, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes flash) {
		return attempt(flash, "/settings/platforms", () -> links.setEnabled(Connectors.parse(platform), enabled, me.username()));
	}

	/** WeCom's 可信域名 file, as WeCom gave it to the administrator; served at the root for WeCom to fetch. */
	@PostMapping("/settings/platforms/wecom/verify-files")
	String uploadVerifyFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file, @AuthenticationPrincipal SignedInUser me,
			RedirectAttributes flash) {
		return attempt(flash, "/settings/platforms", () -> {
			try {
				verifications.upload(file.getOriginalFilename(), new String(file.getBytes(), java.nio.charset.StandardCharsets.US_ASCII), me.username());
			}
			catch (java.io.IOException unreadable) {
				throw DomainException.badRequest("platform.verify-file-content");
			}
		});
	}

	@PostMapping("/settings/platforms/wecom/verify-files/delete")
	String deleteVerifyFile(@RequestParam String fileName, RedirectAttributes flash) {
		return attempt(flash, "/settings/platforms", () -> verifications.delete(fileName));
	}

	@GetMapping("/settings/platforms/{platform}/directory")
	String people(@PathVariable String platform, @RequestParam(required = false) String q, Model model) {
		Platform p = Connectors.parse(platform);
		model.addAttribute("platform", Connectors.slug(p));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("seats", seats.list());
		try {
			model.addAttribute("people", directory.search(p, q, 100));
		}
		catch (DomainException e) {
			model.addAttribute("people", java.util.List.of());
			model.addAttribute("error", e.code());
			model.addAttribute("errorArgs", e.args());
		}
		return "settings/platform-directory";
	}

	/** Binds a seat to a person of the organisation, making them a user (an agent) if they are not one yet. */
	@PostMapping("/settings/platforms/{platform}/directory/bind")
	String bind(@PathVariable String platform, @RequestParam String platformUserId, @RequestParam long seatId,
			@RequestParam(required = false) String q, @AuthenticationPrincipal SignedInUser me, RedirectAttributes flash) {
		Platform p = Connectors.parse(platform);
		String back = "/settings/platforms/" + Connectors.slug(p) + "/directory" + (q == null || q.isBlank() ? "" : "?q="
				+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		return attempt(flash, back, () -> accounts.bindSeat(p, directory.require(p, platformUserId).user(), seatId, me.username()));
	}

	private static int parseVersion(String text) {
		try {
			return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("platform.changed", text);
		}
	}

	private static String attempt(RedirectAttributes flash, String back, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", "ui.saved");
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.code());
			flash.addFlashAttribute("errorArgs", ex.args());
		}
		return "redirect:" + back;
	}
}
