package com.calldesk.provisioning.console;

import java.security.Principal;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;

/**
 * The staff console pages. Each form posts, redirects back (post/redirect/get) and shows either what
 * was done — a new seat password is shown exactly here, once — or the refusal in the user's language.
 */
@Controller
@RequestMapping("/admin")
class ConsoleController {

	private final OpeningCallCenter opening;

	private final TenantDirectory tenants;

	private final TenantResources resources;

	private final NumberAllocation numbers;

	private final SeatAllocation seats;

	private final AccountCharges charges;

	private final GatewaysAndDevices gateways;

	private final PhoneSheets sheets;

	ConsoleController(OpeningCallCenter opening, TenantDirectory tenants, TenantResources resources, NumberAllocation numbers,
			SeatAllocation seats, AccountCharges charges, GatewaysAndDevices gateways, PhoneSheets sheets) {
		this.opening = opening;
		this.tenants = tenants;
		this.resources = resources;
		this.numbers = numbers;
		this.seats = seats;
		this.charges = charges;
		this.gateways = gateways;
		this.sheets = sheets;
	}

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

	@GetMapping
	String dashboard(Model model) {
		model.addAttribute("applications", opening.pending());
		model.addAttribute("tenants", tenants.all());
		return "admin/dashboard";
	}

	@PostMapping("/applications/{id}/approve")
	String approve(@PathVariable long id, Principal staff, RedirectAttributes flash) {
		return attempt(flash, "/admin", () -> {
			OpeningCallCenter.OpenedTenant opened = opening.approve(id, staff.getName());
			flash.addFlashAttribute("opened", opened);
			return "/admin/tenants/" + opened.tenant().getId();
		});
	}

	@PostMapping("/applications/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal staff, RedirectAttributes flash) {
		return attempt(flash, "/admin", () -> {
			opening.reject(id, reason, staff.getName());
			flash.addFlashAttribute("done", "admin.rejected");
			return "/admin";
		});
	}

	@GetMapping("/tenants/{id}")
	String tenant(@PathVariable long id, Model model) {
		model.addAttribute("r", resources.of(id));
		return "admin/tenant";
	}

	@PostMapping("/tenants/{id}/trunk-numbers")
	String trunkNumber(@PathVariable long id, @Valid @ModelAttribute NumberAllocation.TrunkNumberForm form, Principal staff,
			RedirectAttributes flash) {
		return done(flash, id, () -> numbers.allocateTrunkNumber(id, form, staff.getName()));
	}

	@PostMapping("/tenants/{id}/display-numbers")
	String displayNumber(@PathVariable long id, @Valid @ModelAttribute NumberAllocation.DisplayNumberForm form, Principal staff,
			RedirectAttributes flash) {
		return done(flash, id, () -> numbers.allocateDisplayNumber(id, form, staff.getName()));
	}

	@PostMapping("/tenants/{id}/seats")
	String seats(@PathVariable long id, @RequestParam int count, Principal staff, RedirectAttributes flash) {
		return attempt(flash, "/admin/tenants/" + id, () -> {
			flash.addFlashAttribute("passwords", seats.allocate(id, count, staff.getName()));
			return "/admin/tenants/" + id;
		});
	}

	@PostMapping("/seats/{seatId}/password")
	String resetPassword(@PathVariable long seatId, Principal staff, RedirectAttributes flash) {
		long tenantId = seats.require(seatId).getTenantId();
		return attempt(flash, "/admin/tenants/" + tenantId, () -> {
			flash.addFlashAttribute("passwords", java.util.List.of(seats.resetPassword(seatId, staff.getName())));
			return "/admin/tenants/" + tenantId;
		});
	}

	@GetMapping("/seats/{seatId}/sheet")
	String sheet(@PathVariable long seatId, HttpServletRequest request, Model model) {
		model.addAttribute("sheet", sheets.of(seatId, request));
		return "admin/sheet";
	}

	@PostMapping("/tenants/{id}/callback")
	String callback(@PathVariable long id, @RequestParam boolean enabled, Principal staff, RedirectAttributes flash) {
		return done(flash, id, () -> {
			charges.setCallback(id, enabled, staff.getName());
			return null;
		});
	}

	@PostMapping("/tenants/{id}/rates")
	String rates(@PathVariable long id, @RequestParam int outboundFenPerMinute, @RequestParam int forwardFenPerMinute,
			Principal staff, RedirectAttributes flash) {
		return done(flash, id, () -> {
			charges.setRates(id, outboundFenPerMinute, forwardFenPerMinute, staff.getName());
			return null;
		});
	}

	@PostMapping("/tenants/{id}/top-ups")
	String topUp(@PathVariable long id, @RequestParam String amountYuan, @RequestParam(required = false) String reference,
			Principal staff, RedirectAttributes flash) {
		return done(flash, id, () -> charges.topUp(id, fen(amountYuan), reference, staff.getName()));
	}

	@PostMapping("/tenants/{id}/gateways")
	String gateway(@PathVariable long id, @Valid @ModelAttribute GatewaysAndDevices.GatewayForm form, Principal staff,
			RedirectAttributes flash) {
		return done(flash, id, () -> gateways.addGateway(id, form, staff.getName()));
	}

	@PostMapping("/tenants/{id}/device-orders")
	String device(@PathVariable long id, @Valid @ModelAttribute GatewaysAndDevices.DeviceForm form, Principal staff,
			RedirectAttributes flash) {
		return done(flash, id, () -> gateways.orderDevice(id, form, staff.getName()));
	}

	@ExceptionHandler(BindException.class)
	String invalid(HttpServletRequest request, RedirectAttributes flash) {
		flash.addFlashAttribute("error", "request.invalid");
		String referer = request.getHeader("Referer");
		return "redirect:" + (referer != null && referer.contains("/admin/") ? referer.substring(referer.indexOf("/admin/")) : "/admin");
	}

	private String done(RedirectAttributes flash, long tenantId, Supplier<Object> action) {
		return attempt(flash, "/admin/tenants/" + tenantId, () -> {
			action.get();
			flash.addFlashAttribute("done", "admin.saved");
			return "/admin/tenants/" + tenantId;
		});
	}

	private static String attempt(RedirectAttributes flash, String back, Supplier<String> action) {
		try {
			return "redirect:" + action.get();
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.code());
			flash.addFlashAttribute("errorArgs", ex.args());
			return "redirect:" + back;
		}
	}

	private static long fen(String yuan) {
		try {
			return new java.math.BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw DomainException.badRequest("balance.amount");
		}
	}
}
