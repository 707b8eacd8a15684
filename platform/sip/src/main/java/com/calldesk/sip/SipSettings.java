package com.calldesk.sip;

import java.time.Duration;

/**
 * How the SIP stack listens and how much it takes on.
 *
 * @param host the address to bind (phones and trunks); 0.0.0.0 for all
 * @param advertisedHost the address written into our own Via and From headers: the public host, or
 * {@code host} itself when that is a real address
 * @param phonePort UDP and TCP port for phones (5091)
 * @param trunkPort UDP port for carrier trunks; 0 means phones and trunks share {@code phonePort}
 * @param realm digest realm of seat accounts
 * @param threads JAIN-SIP's worker pool (without it the stack starts a thread per datagram)
 * @param maxInFlight requests handled at once before new ones get 503 with Retry-After
 * @param maxMessageBytes larger messages are refused by the stack
 * @param minExpires shortest registration accepted (shorter gets 423)
 * @param maxExpires longest registration granted
 * @param nonceLifetime how long a digest nonce is accepted before the phone is told stale=true
 * @param keepAliveInterval how often registered phones are pinged with OPTIONS (zero turns it off)
 */
public record SipSettings(String host, String advertisedHost, int phonePort, int trunkPort, String realm, int threads, int maxInFlight,
		int maxMessageBytes, int minExpires, int maxExpires, Duration nonceLifetime, Duration keepAliveInterval) {

	public static SipSettings defaults(String host, int phonePort) {
		return new SipSettings(host, host, phonePort, 0, "calldesk", 32, 2000, 16384, 60, 3600, Duration.ofMinutes(5),
				Duration.ofSeconds(30));
	}

	public SipSettings withKeepAlive(Duration interval) {
		return new SipSettings(host, advertisedHost, phonePort, trunkPort, realm, threads, maxInFlight, maxMessageBytes, minExpires, maxExpires,
				nonceLifetime, interval);
	}
}
