package com.calldesk.platforms;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.TenantPort;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;
import com.calldesk.users.AppUser;
import com.calldesk.users.SessionSignIn;

/**
 * Signing in from a platform (F25). {@code /signin/<platform>/<tenant>} is the app's home page inside
 * the client: DingTalk and Feishu hand the page a code through their JS API, WeCom through its OAuth2
 * redirect; in an ordinary browser the page offers the platform's QR login. Each ends in the tenant's
 * user for that person, a fresh session, and the page the link pointed at.
 */
@Controller
class PlatformSignInController {

	private static final String WEB_STATE = PlatformSignInController.class.getName() + ".state";

	private final TenantDirectory tenants;

	private final TenantPorts ports;

	private final PlatformLinks links;

	private final PlatformAccounts accounts;

	private final SessionSignIn sessions;

	private final PlatformProperties properties;

	private final SecureRandom random = new SecureRandom();

	PlatformSignInController(TenantDirectory tenants, TenantPorts ports, PlatformLinks links, PlatformAccounts accounts, SessionSignIn sessions,
			PlatformProperties properties) {
		this.tenants = tenants;
		this.ports = ports;
		this.links = links;
		this.accounts = accounts;
		this.sessions = sessions;
		this.properties = properties;
	}

	@GetMapping("/signin/{platform}/{tenantCode}")
	String page(@PathVariable String platform, @PathVariable String tenantCode, @RequestParam(required = false) String next,
			@RequestParam(required = false) String code, @RequestParam(required = false) String state, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Platform p = Connectors.parse(platform);
		TenantScope tenant = tenant(tenantCode);
		String target = SafeTarget.of(next);
		return TenantContext.call(tenant, () -> {
			TenantPort port = ports.require(p);
			if (code != null && !code.isBlank()) {
				// WeCom's in-client OAuth2 comes back here with the code (a notice link wraps this page)
				return finish(tenant, p, () -> port.signIn().userForClientCode(code), target, request, response, model);
			}
			Optional<URI> redirect = port.signIn().inClientRedirect(selfUrl(p, tenantCode, target), "in-client");
			boolean inClient = insideClient(p, request.getHeader("User-Agent"));
			if (redirect.isPresent() && inClient) {
				return "redirect:" + redirect.get();
			}
			model.addAttribute("platform", Connectors.slug(p));
			model.addAttribute("tenantCode", tenantCode);
			model.addAttribute("next", target);
			model.addAttribute("ids", links.publicIds(p));
			model.addAttribute("jsApi", properties.jsApi(p));
			return "platform/signin";
		});
	}

	/** The code the page got from the platform's JS API (DingTalk requestAuthCode, Feishu requestAccess). */
	@PostMapping("/signin/{platform}/{tenantCode}/code")
	String code(@PathVariable String platform, @PathVariable String tenantCode, @RequestParam String code,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response, Model model) {
		Platform p = Connectors.parse(platform);
		TenantScope tenant = tenant(tenantCode);
		String target = SafeTarget.of(next);
		return TenantContext.call(tenant,
				() -> finish(tenant, p, () -> ports.require(p).signIn().userForClientCode(code), target, request, response, model));
	}

	/** Outside the client: off to the platform's QR/OAuth page, with a state bound to this browser's session. */
	@GetMapping("/signin/{platform}/{tenantCode}/web")
	String web(@PathVariable String platform, @PathVariable String tenantCode, @RequestParam(required = false) String next,
			HttpServletRequest request) {
		Platform p = Connectors.parse(platform);
		TenantScope tenant = tenant(tenantCode);
		String state = HexFormat.of().formatHex(bytes(16));
		request.getSession(true).setAttribute(WEB_STATE, state + " " + SafeTarget.of(next));
		URI login = TenantContext.call(tenant, () -> ports.require(p).signIn().webLogin(returnUrl(p, tenantCode), state)
			.orElseThrow(() -> DomainException.notFound("platform.no-web-login", PlatformProblems.named(p))));
		return "redirect:" + login;
	}

	@GetMapping("/signin/{platform}/{tenantCode}/return")
	String webReturn(@PathVariable String platform, @PathVariable String tenantCode, @RequestParam(required = false) String code,
			@RequestParam(required = false) String authCode, @RequestParam(required = false) String state, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Platform p = Connectors.parse(platform);
		TenantScope tenant = tenant(tenantCode);
		HttpSession session = request.getSession(false);
		String expected = session == null ? null : (String) session.getAttribute(WEB_STATE);
		if (expected == null || state == null || !expected.startsWith(state + " ")) {
			// a code this browser did not ask for: someone else's sign-in pushed onto us
			throw DomainException.badRequest("platform.state-invalid", PlatformProblems.named(p));
		}
		session.removeAttribute(WEB_STATE);
		String target = expected.substring(state.length() + 1);
		String given = code != null ? code : authCode;
		if (given == null || given.isBlank()) {
			throw DomainException.badRequest("platform.code-invalid", PlatformProblems.named(p));
		}
		return TenantContext.call(tenant, () -> finish(tenant, p,
				() -> ports.require(p).signIn().userForWebCode(given, returnUrl(p, tenantCode)), target, request, response, model));
	}

	/** A sign-in that failed says why on the page, in the person's language, with the other ways in. */
	@org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
	String failed(DomainException e, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(e.status().value());
		String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
		model.addAttribute("platform", path.length > 2 ? path[2].toLowerCase(java.util.Locale.ROOT) : "dingtalk");
		model.addAttribute("tenantCode", path.length > 3 && e.status().value() != 404 ? path[3] : null);
		model.addAttribute("next", SafeTarget.DEFAULT);
		model.addAttribute("error", e.code());
		model.addAttribute("errorArgs", e.args());
		return "platform/signin";
	}

	private String finish(TenantScope tenant, Platform platform, java.util.function.Supplier<PlatformUser> exchange, String target,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		PlatformUser person;
		try {
			person = exchange.get();
		}
		catch (PlatformException e) {
			throw PlatformProblems.atSignIn(platform, e);
		}
		AppUser user = accounts.userFor(platform, person);
		sessions.signIn(tenant, user, request, response);
		return "redirect:" + target;
	}

	private TenantScope tenant(String code) {
		return tenants.activeByCode(code).orElseThrow(() -> DomainException.notFound("tenant.not-found", code));
	}

	private String selfUrl(Platform platform, String tenantCode, String target) {
		return properties.publicUrl() + "/signin/" + Connectors.slug(platform) + "/" + tenantCode + "?next="
				+ java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String returnUrl(Platform platform, String tenantCode) {
		return properties.publicUrl() + "/signin/" + Connectors.slug(platform) + "/" + tenantCode + "/return";
	}

	/** WeCom's webview says wxwork in its user agent; only there is the OAuth2 redirect silent. */
	private static boolean insideClient(Platform platform, String userAgent) {
		return platform == Platform.WECOM && userAgent != null && userAgent.toLowerCase(java.util.Locale.ROOT).contains("wxwork");
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}
}
