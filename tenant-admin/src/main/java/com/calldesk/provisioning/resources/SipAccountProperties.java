package com.calldesk.provisioning.resources;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phones reach CallDesk, as printed on the phone configuration sheet.
 *
 * @param realm the digest realm; it is part of every stored HA1, so changing it means resetting
 * every seat password
 * @param publicHost the host name phones register to; when blank the sheet shows the host the
 * console was opened on
 * @param port the SIP port for phones (UDP and TCP)
 */
@ConfigurationProperties("calldesk.sip")
public record SipAccountProperties(@DefaultValue("calldesk") String realm, String publicHost,
		@DefaultValue("5091") int port) {
}
