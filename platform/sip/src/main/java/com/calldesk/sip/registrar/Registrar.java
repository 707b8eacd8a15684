package com.calldesk.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.SIPHeader;

import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.SipEndpoint.Source;
import com.calldesk.state.Throttle;

/**
 * REGISTER. Every request is challenged until it carries a valid digest for a seat account; an
 * unknown account and a wrong password both end in the same 403, after the same hash work. Failing
 * sources are dropped silently for a while, failing accounts refused for a while.
 */
public final class Registrar implements RequestHandler {

	/** HA1 of no account: unknown usernames are checked against it so they cost what a wrong password costs. */
	private static final String NO_ACCOUNT_HA1 = Digest.md5("no-such-account:calldesk:" + Math.random());

	private final SipEndpoint endpoint;

	private final Policy policy;

	private final SeatAccounts accounts;

	private final Nonces nonces;

	private final Locations locations;

	private final RegistrationEvents events;

	private final Clock clock;

	public Registrar(SipEndpoint endpoint, Policy policy, SeatAccounts accounts, Nonces nonces, Locations locations,
			RegistrationEvents events, Clock clock) {
		this.endpoint = endpoint;
		this.policy = policy;
		this.accounts = accounts;
		this.nonces = nonces;
		this.locations = locations;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		Source source = SipEndpoint.sourceOf(request);
		if (policy.sources().isBlocked(source.address())) {
			return;
		}
		AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
		if (auth == null) {
			challenge(transaction, request, false);
			return;
		}
		Nonces.Verdict nonce = nonces.consume(auth.getNonce());
		if (nonce != Nonces.Verdict.VALID) {
			if (nonce == Nonces.Verdict.INVALID) {
				policy.sources().failed(source.address());
			}
			challenge(transaction, request, nonce == Nonces.Verdict.STALE);
			return;
		}
		Optional<SeatAccount> account = authenticate(auth, request, source);
		if (account.isEmpty()) {
			endpoint.respond(transaction, request, Response.FORBIDDEN);
			return;
		}
		register(transaction, request, account.get(), source);
	}

	private Optional<SeatAccount> authenticate(AuthorizationHeader auth, Request request, Source source) {
		String username = auth.getUsername() == null ? "" : auth.getUsername();
		if (policy.accounts().isBlocked(username)) {
			policy.sources().failed(source.address());
			return Optional.empty();
		}
		Optional<SeatAccount> account = accounts.byUsername(username);
		boolean realmMatches = policy.realm().equals(auth.getRealm());
		boolean digestMatches = Digest.matches(auth, request.getMethod(), account.map(SeatAccount::ha1).orElse(NO_ACCOUNT_HA1));
		if (account.isPresent() && realmMatches && digestMatches && username.equals(toUser(request))) {
			policy.accounts().succeeded(username);
			return account;
		}
		policy.accounts().failed(username);
		policy.sources().failed(source.address());
		return Optional.empty();
	}

	private void register(ServerTransaction transaction, Request request, SeatAccount account, Source source) throws Exception {
		ExpiresHeader expiresHeader = request.getExpires();
		int defaultExpires = expiresHeader == null ? policy.maxExpires() : expiresHeader.getExpires();
		String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
		long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
		List<ContactHeader> contacts = contacts(request);
		if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
			if (contacts.size() != 1 || defaultExpires != 0) {
				endpoint.respond(transaction, request, Response.BAD_REQUEST);
				return;
			}
			locations.of(account.username()).forEach(b -> events.unregistered(b, "unregistered"));
			locations.removeAll(account.username());
			endpoint.respond(transaction, request, Response.OK, this::dated);
			return;
		}
		for (ContactHeader contact : contacts) {
			int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
			if (expires > 0 && expires < policy.minExpires()) {
				endpoint.respond(transaction, request, Response.INTERVAL_TOO_BRIEF,
						response -> response.addHeader(endpoint.headers().createMinExpiresHeader(policy.minExpires())));
				return;
			}
		}
		for (ContactHeader contact : contacts) {
			int expires = Math.min(contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires, policy.maxExpires());
			String uri = contact.getAddress().getURI().toString();
			if (expires == 0) {
				locations.of(account.username()).stream().filter(b -> b.contact().equals(uri))
					.forEach(b -> events.unregistered(b, "unregistered"));
				locations.remove(account.username(), uri);
				continue;
			}
			Binding binding = new Binding(account.username(), account.tenantId(), account.seatId(), uri,
					target(contact.getAddress().getURI(), source), source.hostPort(), source.transport(),
					clock.instant().plusSeconds(expires), callId, cseq, userAgent(request), policy.node());
			locations.put(binding);
			events.registered(binding);
		}
		List<Binding> current = locations.of(account.username());
		endpoint.respond(transaction, request, Response.OK, response -> {
			for (Binding binding : current) {
				ContactHeader header = endpoint.headers().createContactHeader(endpoint.addresses().createAddress(binding.contact()));
				header.setExpires((int) Math.max(0, Duration.between(clock.instant(), binding.expiresAt()).toSeconds()));
				response.addHeader(header);
			}
			dated(response);
		});
	}

	/** The contact as given, or with the real source address in it when the phone is behind NAT. */
	private static String target(URI contact, Source source) {
		if (!(contact instanceof SipURI sip)) {
			return contact.toString();
		}
		int port = sip.getPort() > 0 ? sip.getPort() : 5060;
		if (sip.getHost().equals(source.address()) && port == source.port()) {
			return sip.toString();
		}
		SipURI fixed = (SipURI) sip.clone();
		try {
			fixed.setHost(source.address());
			fixed.setPort(source.port());
			if (!"UDP".equals(source.transport())) {
				fixed.setTransportParam(source.transport().toLowerCase());
			}
		}
		catch (java.text.ParseException ex) {
			return sip.toString();
		}
		return fixed.toString();
	}

	private void challenge(ServerTransaction transaction, Request request, boolean stale) throws Exception {
		WWWAuthenticateHeader header = endpoint.headers().createWWWAuthenticateHeader("Digest");
		header.setRealm(policy.realm());
		header.setNonce(nonces.issue());
		header.setAlgorithm("MD5");
		header.setQop("auth");
		if (stale) {
			header.setStale(true);
		}
		endpoint.respond(transaction, request, Response.UNAUTHORIZED, response -> response.addHeader(header));
	}

	private void dated(Response response) {
		GregorianCalendar now = new GregorianCalendar(java.util.TimeZone.getTimeZone("GMT"));
		now.setTimeInMillis(clock.millis());
		response.addHeader(endpoint.headers().createDateHeader(now));
	}

	private static List<ContactHeader> contacts(Request request) {
		List<ContactHeader> contacts = new ArrayList<>();
		ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
		while (headers.hasNext()) {
			contacts.add((ContactHeader) headers.next());
		}
		return contacts;
	}

	private static String toUser(Request request) {
		ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
		return to != null && to.getAddress().getURI() instanceof SipURI sip ? sip.getUser() : null;
	}

	private static String userAgent(Request request) {
		Header header = request.getHeader(UserAgentHeader.NAME);
		String value = header instanceof SIPHeader sip ? sip.getHeaderValue().strip() : "";
		return value.length() > 100 ? value.substring(0, 100) : value;
	}

	/**
	 * What the registrar enforces.
	 *
	 * @param accounts failures per account, then refused for a while
	 * @param sources failures per source address, then dropped silently for a while
	 */
	public record Policy(String realm, int minExpires, int maxExpires, String node, Throttle accounts, Throttle sources) {
	}

}
