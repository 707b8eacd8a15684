package com.calldesk.telephony;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node runs SIP. The port phones are told to use is {@code calldesk.sip.port}.
 *
 * @param enabled run the SIP server on this node
 * @param bindHost address to listen on
 * @param listenPort port to listen on; 0 means {@code calldesk.sip.port}
 * @param trunkPort a separate UDP port for carrier trunks; 0 means none
 * @param threads JAIN-SIP worker threads
 * @param maxInFlight requests in progress before new ones get 503
 * @param nonceSecret HMAC key of digest nonces; every node of a cluster needs the same one (random per start when empty)
 * @param keepAlive how often registered phones are pinged; 0 turns keep-alives off
 * @param nodeId this node's name in registrations; the host name when empty
 * @param ringTimeout how long an offered call may ring unanswered before the customer is told 480
 * @param trunkRegistrationCheck how often registrations to REGISTER gateways are checked and refreshed
 * @param sessionExpires the session-timer interval CallDesk asks for (RFC 4028)
 * @param minSe the shortest session-timer interval accepted; shorter requests get 422 (the RFC's floor is 90 s)
 * @param overloadWait a new INVITE or REGISTER is refused with 503 as it is read when what already waits would take longer than this
 * @param overloadMaxQueued nor more than this many datagrams may wait
 * @param retryAfter the Retry-After of those 503s
 * @param writesStalledLimit new calls get 503 while call records have waited this long for the database
 */
@ConfigurationProperties("calldesk.sip.server")
public record SipServerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String bindHost,
		@DefaultValue("0") int listenPort, @DefaultValue("0") int trunkPort, @DefaultValue("32") int threads,
		@DefaultValue("2000") int maxInFlight, String nonceSecret, @DefaultValue("30s") Duration keepAlive,
		@DefaultValue("60") int minExpires, @DefaultValue("3600") int maxExpires, String nodeId,
		@DefaultValue("30s") Duration ringTimeout, @DefaultValue("10s") Duration trunkRegistrationCheck,
		@DefaultValue("1800s") Duration sessionExpires, @DefaultValue("90s") Duration minSe, @DefaultValue("250ms") Duration overloadWait,
		@DefaultValue("5000") int overloadMaxQueued, @DefaultValue("2s") Duration retryAfter, @DefaultValue("5s") Duration writesStalledLimit) {
}
