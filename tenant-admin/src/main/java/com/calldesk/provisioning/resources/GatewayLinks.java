package com.calldesk.provisioning.resources;

import java.util.Optional;

/**
 * The SIP side's answer to "are we registered to this gateway?", for the console and the API; the
 * telephony core implements it. Empty for gateways CallDesk does not register to, or a node without SIP.
 */
public interface GatewayLinks {

	Optional<GatewayLink> of(long gatewayId);
}
