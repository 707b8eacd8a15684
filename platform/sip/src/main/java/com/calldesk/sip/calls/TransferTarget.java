package com.calldesk.sip.calls;

/** Where a call is transferred: a seat of the same tenant (its SIP account), or a number through the gateway. */
public record TransferTarget(String seat, String number) {

	public TransferTarget {
		if ((seat == null) == (number == null)) {
			throw new IllegalArgumentException("a transfer goes to a seat or to a number");
		}
	}

	public static TransferTarget seat(String seat) {
		return new TransferTarget(seat, null);
	}

	public static TransferTarget number(String number) {
		return new TransferTarget(null, number);
	}
}
