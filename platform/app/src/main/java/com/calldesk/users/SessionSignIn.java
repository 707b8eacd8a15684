package com.calldesk.users;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenantScope;

/**
 * Starts a tenant user's session for someone a platform vouched for (DingTalk, WeCom, Feishu sign-in):
 * the same principal as the login form gives, in a fresh session id so a planted one is worthless.
 */
@Component
public class SessionSignIn {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	public void signIn(TenantScope tenant, AppUser user, HttpServletRequest request, HttpServletResponse response) {
		if (!user.isEnabled()) {
			throw new DomainException(HttpStatus.FORBIDDEN, "user.disabled", user.getUsername());
		}
		SignedInUser principal = new SignedInUser(tenant.tenantId(), tenant.code(), tenant.schema().name(), user.getId(), user.getUsername(),
				user.getDisplayName(), Role.valueOf(user.getRole()));
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole()))));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
