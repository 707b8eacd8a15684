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
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.SIPHeader;

import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.SipEndpoint.Source;
import com.calldesk.state.Throttle;

/**
 * REGISTER. Every request is challenged until it carries a valid digest for a seat account
 * ({@link SeatAuthentication}: unknown accounts and wrong passwords end alike, failures throttled);
 * then its contacts are bound, refreshed or removed.
 */
public final class Registrar implements RequestHandler {

	/** Looked up once: TimeZone.getTimeZone is synchronized, and every 200 carries a Date. */
	private static final java.util.TimeZone GMT = java.util.TimeZone.getTimeZone("GMT");

	private final SipEndpoint endpoint;

	private final Policy policy;

	private final SeatAuthentication authentication;

	private final Locations locations;

	private final RegistrationEvents events;

	private final Clock clock;

	public Registrar(SipEndpoint endpoint, Policy policy, SeatAccounts accounts, Nonces nonces, Locations locations,
			RegistrationEvents events, Clock clock) {
		this.endpoint = endpoint;
		this.policy = policy;
		this.authentication = new SeatAuthentication(endpoint, policy, accounts, nonces);
		this.locations = locations;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		Optional<SeatAccount> account = authentication.authenticate(transaction, request, false, true);
		if (account.isPresent()) {
			register(transaction, request, account.get(), SipEndpoint.sourceOf(request));
		}
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

	private void dated(Response response) {
		GregorianCalendar now = new GregorianCalendar(GMT);
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
