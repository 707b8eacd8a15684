package com.calldesk.users;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.calldesk.tenancy.TenantContext;

/**
 * Binds the signed-in user's tenant for the whole request, before any transaction can start. Once a
 * minute per session ({@code calldesk.users.session-recheck}) it also asks whether the user may still
 * work: someone disabled (or who left the organisation on their platform) loses every session at their
 * next request, on any node.
 */
class TenantContextFilter extends OncePerRequestFilter {

	private static final String CHECKED_AT = TenantContextFilter.class.getName() + ".checkedAt";

	private final UserAccounts users;

	private final Clock clock;

	private final Duration recheck;

	TenantContextFilter(UserAccounts users, Clock clock, Duration recheck) {
		this.users = users;
		this.clock = clock;
		this.recheck = recheck;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			try (TenantContext.Binding ignored = TenantContext.bind(user.tenant())) {
				if (!stillAllowed(user, request.getSession(false))) {
					signOut(request, response);
					return;
				}
				chain.doFilter(request, response);
			}
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private boolean stillAllowed(SignedInUser user, HttpSession session) {
		if (session == null) {
			return true;
		}
		Instant now = clock.instant();
		Object checked = session.getAttribute(CHECKED_AT);
		if (checked instanceof Instant at && at.plus(recheck).isAfter(now)) {
			return true;
		}
		boolean enabled = users.byId(user.userId()).map(AppUser::isEnabled).orElse(false);
		if (enabled) {
			session.setAttribute(CHECKED_AT, now);
		}
		return enabled;
	}

	private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.equals("/ws")) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?disabled");
		}
	}
}
