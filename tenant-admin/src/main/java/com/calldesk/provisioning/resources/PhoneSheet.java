package com.calldesk.provisioning.resources;

/**
 * F3: everything an agent types into MicroSIP, Telephone (macOS) or a desk phone's SIP page. The
 * password is not on it: it was shown once at allocation and can be reset.
 */
public record PhoneSheet(String tenantCode, String tenantName, int seatNo, String account, String server, int port,
		String realm, String displayName) {

	public String seatLabel() {
		return String.format("%04d", seatNo);
	}

	public static PhoneSheet of(Seat seat, String tenantCode, String tenantName, String host, int port) {
		return new PhoneSheet(tenantCode, tenantName, seat.getSeatNo(), seat.getSipUsername(), host, port, seat.getRealm(),
				seat.getSipUsername());
	}
}
