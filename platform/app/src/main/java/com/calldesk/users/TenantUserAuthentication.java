package com.calldesk.users;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * Checks tenant code, username and password. An unknown tenant, an unknown user and a wrong password
 * take the same time (a hash is always checked) and fail with the same message.
 */
class TenantUserAuthentication implements AuthenticationProvider {

	private final TenantDirectory tenants;

	private final UserAccounts users;

	private final PasswordEncoder passwords;

	private final String dummyHash;

	TenantUserAuthentication(TenantDirectory tenants, UserAccounts users, PasswordEncoder passwords) {
		this.tenants = tenants;
		this.users = users;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("no-such-user-password");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String code = authentication.getDetails() instanceof TenantLoginDetails details ? details.tenantCode() : "";
		String password = String.valueOf(authentication.getCredentials());
		TenantScope tenant = tenants.activeByCode(code).orElse(null);
		AppUser user = tenant == null ? null
				: TenantContext.call(tenant, () -> users.byUsername(authentication.getName()).orElse(null));
		boolean matches = passwords.matches(password, user == null ? dummyHash : user.getPasswordHash());
		if (tenant == null || user == null || !matches || !user.isEnabled()) {
			throw new BadCredentialsException("login.failed");
		}
		SignedInUser principal = new SignedInUser(tenant.tenantId(), tenant.code(), tenant.schema().name(), user.getId(),
				user.getUsername(), user.getDisplayName(), Role.valueOf(user.getRole()));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
