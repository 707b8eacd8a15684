package com.calldesk.sip.registrar;

import java.util.Optional;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.SipEndpoint.Source;

/**
 * Digest authentication of seats, for REGISTER (401, WWW-Authenticate) and for a seat's own calls
 * (407, Proxy-Authenticate). An unknown account and a wrong password end alike, after the same
 * hash work; failing accounts and sources are throttled (see {@link Registrar.Policy}).
 */
public final class SeatAuthentication {

	/** HA1 of no account: unknown usernames are checked against it so they cost what a wrong password costs. */
	private static final String NO_ACCOUNT_HA1 = Digest.md5("no-such-account:calldesk:" + Math.random());

	private final SipEndpoint endpoint;

	private final Registrar.Policy policy;

	private final SeatAccounts accounts;

	private final Nonces nonces;

	public SeatAuthentication(SipEndpoint endpoint, Registrar.Policy policy, SeatAccounts accounts, Nonces nonces) {
		this.endpoint = endpoint;
		this.policy = policy;
		this.accounts = accounts;
		this.nonces = nonces;
	}

	/** The seat of {@code tenantId} with this SIP account, if there is one. */
	public Optional<SeatAccount> seatOf(long tenantId, String username) {
		return username == null ? Optional.empty() : accounts.byUsername(username).filter(seat -> seat.tenantId() == tenantId);
	}

	/**
	 * Whether the request claims to come from a seat: it carries credentials, or its From user has the
	 * shape of a seat account ({@link SeatAccounts#namesSeat}). Such a request is authenticated as a
	 * seat's even when it comes from a trunk's address (phones and a tenant's gateway behind one office
	 * NAT); a seat-shaped name that is no seat is challenged and refused like a wrong password, so an
	 * INVITE scan from a gateway's address cannot tell seats that exist from seats that do not.
	 */
	public boolean claimsSeat(Request request) {
		if (request.getHeader(ProxyAuthorizationHeader.NAME) != null) {
			return true;
		}
		javax.sip.header.FromHeader from = (javax.sip.header.FromHeader) request.getHeader(javax.sip.header.FromHeader.NAME);
		return from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null
				&& accounts.namesSeat(uri.getUser());
	}

	/**
	 * The seat behind the request, or empty after this method has answered it (challenge, 403, or
	 * nothing at all for a silenced source). {@code requireOwnAor} demands the To user be the account
	 * (REGISTER: nobody registers someone else's seat).
	 */
	public Optional<SeatAccount> authenticate(ServerTransaction transaction, Request request, boolean proxy, boolean requireOwnAor)
			throws Exception {
		Source source = SipEndpoint.sourceOf(request);
		if (policy.sources().isBlocked(source.address())) {
			return Optional.empty();
		}
		AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
		if (auth == null) {
			challenge(transaction, request, proxy, false);
			return Optional.empty();
		}
		Nonces.Verdict nonce = nonces.consume(auth.getNonce());
		if (nonce != Nonces.Verdict.VALID) {
			if (nonce == Nonces.Verdict.INVALID) {
				policy.sources().failed(source.address());
			}
			challenge(transaction, request, proxy, nonce == Nonces.Verdict.STALE);
			return Optional.empty();
		}
		Optional<SeatAccount> account = check(auth, request, source, requireOwnAor);
		if (account.isEmpty()) {
			endpoint.respond(transaction, request, Response.FORBIDDEN);
		}
		return account;
	}

	private Optional<SeatAccount> check(AuthorizationHeader auth, Request request, Source source, boolean requireOwnAor) {
		String username = auth.getUsername() == null ? "" : auth.getUsername();
		if (policy.accounts().isBlocked(username)) {
			policy.sources().failed(source.address());
			return Optional.empty();
		}
		Optional<SeatAccount> account = accounts.byUsername(username);
		boolean realmMatches = policy.realm().equals(auth.getRealm());
		boolean digestMatches = Digest.matches(auth, request.getMethod(), account.map(SeatAccount::ha1).orElse(NO_ACCOUNT_HA1));
		boolean aorMatches = !requireOwnAor || username.equals(toUser(request));
		if (account.isPresent() && realmMatches && digestMatches && aorMatches) {
			policy.accounts().succeeded(username);
			return account;
		}
		policy.accounts().failed(username);
		policy.sources().failed(source.address());
		return Optional.empty();
	}

	private void challenge(ServerTransaction transaction, Request request, boolean proxy, boolean stale) throws Exception {
		WWWAuthenticateHeader header = proxy ? endpoint.headers().createProxyAuthenticateHeader("Digest")
				: endpoint.headers().createWWWAuthenticateHeader("Digest");
		header.setRealm(policy.realm());
		header.setNonce(nonces.issue());
		header.setAlgorithm("MD5");
		header.setQop("auth");
		if (stale) {
			header.setStale(true);
		}
		endpoint.respond(transaction, request, proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED,
				response -> response.addHeader(header));
	}

	private static String toUser(Request request) {
		ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
		return to != null && to.getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
	}
}
