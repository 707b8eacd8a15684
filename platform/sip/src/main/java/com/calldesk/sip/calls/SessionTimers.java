package com.calldesk.sip.calls;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ListIterator;

import javax.sip.InvalidArgumentException;
import javax.sip.header.AllowHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.extensions.MinSEHeader;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;

/**
 * RFC 4028 session timers, negotiated on each leg separately (a B2BUA is a user agent on both). A
 * peer that does not do session timers gets none: its call is still ended by the RTP timeout. When
 * the peer does, we ask for {@code sessionExpires}, accept down to {@code minSe} (shorter gets 422
 * with Min-SE) and let the peer refresh when it offers to; when it is our turn we refresh with UPDATE
 * where the peer allows it, else with a re-INVITE repeating our last SDP.
 */
public final class SessionTimers {

	static final int RFC_MIN_SE = 90;

	private final int sessionExpires;

	private final int minSe;

	public SessionTimers(Duration sessionExpires, Duration minSe) {
		if (minSe.toSeconds() < 1 || sessionExpires.compareTo(minSe) < 0) {
			throw new IllegalArgumentException("session-expires must be at least min-se, and min-se at least 1 s");
		}
		this.sessionExpires = (int) sessionExpires.toSeconds();
		this.minSe = (int) minSe.toSeconds();
	}

	int minSe() {
		return minSe;
	}

	/** The interval a request asks for is below our minimum: it must be refused with 422 and our Min-SE. */
	boolean tooSmall(Request request) {
		return request.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader se && se.getExpires() < minSe;
	}

	void refuseTooSmall(Response response, HeaderFactory headers) throws ParseException {
		response.addHeader(headers.createHeader(MinSEHeader.NAME, Integer.toString(minSe)));
	}

	/**
	 * A request of the peer's (INVITE, re-INVITE, UPDATE) is answered 2xx: the leg's new timer, with
	 * Session-Expires (and Require: timer when the peer supports it) added to the answer; null when
	 * the peer neither supports nor asks for session timers.
	 */
	SessionTimer answer(Request request, Response response, HeaderFactory headers, Instant now) throws ParseException {
		boolean supported = supportsTimer(request);
		SessionExpiresHeader asked = request.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader se ? se : null;
		if (asked == null && !supported) {
			return null;
		}
		int theirMin = request.getHeader(MinSEHeader.NAME) instanceof gov.nist.javax.sip.header.extensions.MinSE min ? min.getExpires() : RFC_MIN_SE;
		int interval = asked == null ? sessionExpires
				: asked.getExpires() <= sessionExpires ? asked.getExpires() : Math.max(sessionExpires, Math.min(theirMin, asked.getExpires()));
		// a peer that does not list timer in Supported cannot refresh: we do (§9)
		String refresher = !supported ? "uas" : asked != null && asked.getRefresher() != null ? asked.getRefresher() : "uac";
		response.addHeader(headers.createHeader(SessionExpiresHeader.NAME, interval + ";refresher=" + refresher));
		if (supported) {
			response.addHeader(headers.createHeader("Require", "timer"));
		}
		return new SessionTimer(Duration.ofSeconds(interval), "uas".equals(refresher), now);
	}

	/** Our INVITE (or refresh) asks for session timers; {@code current} carries an agreed interval and refresher on. */
	void offer(Request request, SessionTimer current, HeaderFactory headers) throws ParseException, InvalidArgumentException {
		request.addHeader(headers.createSupportedHeader("timer"));
		if (current == null) {
			request.addHeader(headers.createHeader(SessionExpiresHeader.NAME, Integer.toString(sessionExpires)));
		}
		else {
			request.addHeader(headers.createHeader(SessionExpiresHeader.NAME,
					current.interval().toSeconds() + ";refresher=" + (current.weRefresh() ? "uac" : "uas")));
		}
		request.addHeader(headers.createHeader(MinSEHeader.NAME, Integer.toString(minSe)));
	}

	/** The peer's 2xx to our INVITE or refresh: the leg's timer, or null when its answer has no Session-Expires. */
	SessionTimer accepted(Response response, Instant now) {
		if (!(response.getHeader(SessionExpiresHeader.NAME) instanceof SessionExpiresHeader se)) {
			return null;
		}
		return new SessionTimer(Duration.ofSeconds(Math.max(se.getExpires(), 1)), !"uas".equals(se.getRefresher()), now);
	}

	/** The interval a 422 asks for, or 0. */
	static int minSeOf(Response response) {
		return response.getHeader(MinSEHeader.NAME) instanceof gov.nist.javax.sip.header.extensions.MinSE min ? min.getExpires() : 0;
	}

	static boolean supportsTimer(Message message) {
		return listed(message, SupportedHeader.NAME, "timer") || listed(message, "Require", "timer");
	}

	static boolean allowsUpdate(Message message) {
		return listed(message, AllowHeader.NAME, Request.UPDATE);
	}

	private static boolean listed(Message message, String header, String token) {
		ListIterator<?> values = message.getHeaders(header);
		while (values != null && values.hasNext()) {
			Header value = (Header) values.next();
			String text = value.toString();
			String list = text.substring(text.indexOf(':') + 1);
			for (String item : list.split(",")) {
				if (item.strip().equalsIgnoreCase(token)) {
					return true;
				}
			}
		}
		return false;
	}
}
