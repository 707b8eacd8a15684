package com.calldesk.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.calldesk.state.Throttle;

/**
 * Locks an account, and separately a source address, after repeated failures. A locked account is
 * refused before its password is checked, so guessing on stops costing us a hash and stops teaching
 * the guesser anything. Unknown accounts count like known ones: the answer never tells them apart.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final Throttle accounts;

	private final Throttle addresses;

	private final AccountKey accountKey;

	public ThrottledAuthenticationProvider(AuthenticationProvider delegate, Throttle accounts, Throttle addresses,
			AccountKey accountKey) {
		this.delegate = delegate;
		this.accounts = accounts;
		this.addresses = addresses;
		this.accountKey = accountKey;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String account = accountKey.of(authentication);
		String address = address(authentication);
		if (accounts.isBlocked(account) || addresses.isBlocked(address)) {
			throw new LockedException("login.locked");
		}
		try {
			Authentication result = delegate.authenticate(authentication);
			accounts.succeeded(account);
			return result;
		}
		catch (AuthenticationException ex) {
			boolean locked = accounts.failed(account) | addresses.failed(address);
			throw locked ? new LockedException("login.locked", ex) : new BadCredentialsException("login.failed", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return delegate.supports(authentication);
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
				? web.getRemoteAddress() : "unknown";
	}

	/** What identifies the account being guessed (the tenant web adds the tenant code). */
	@FunctionalInterface
	public interface AccountKey {

		String of(Authentication authentication);
	}
}
