package com.calldesk.desk;

import java.security.Principal;

/**
 * Who holds a desktop socket, fixed at the handshake from the signed-in session: the user's tenant and
 * seat decide which events reach it, and nothing the page sends later can change them.
 * {@code seat} is null for a user with no seat bound (the page then says so and gets no call events);
 * {@code supervises}: a supervisor or administrator, who may also watch the tenant's monitor wall.
 */
record DeskPrincipal(long tenantId, long userId, String username, String seat, String seatNumber, boolean supervises)
		implements Principal {

	/** The user-destination name: unique per user across tenants. */
	@Override
	public String getName() {
		return tenantId + ":" + userId;
	}
}
