package com.calldesk.provisioning.resources;

import java.time.Instant;

/**
 * How this node stands with a gateway it registers to: REGISTERED (refreshed at {@code refreshAt}),
 * FAILED (with the reason; tried again at {@code refreshAt}) or UNREGISTERED (not answered yet).
 */
public record GatewayLink(String status, Instant refreshAt, String lastError) {
}
