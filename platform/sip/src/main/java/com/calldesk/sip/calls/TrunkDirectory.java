package com.calldesk.sip.calls;

import java.util.Optional;

/** Carrier and gateway trunks, implemented by the application over the platform schema. */
public interface TrunkDirectory {

	/** Whether an INVITE from this address is a trunk's (IP allow-list of carrier and tenant gateways). */
	boolean isTrunkAddress(String address);

	/** The trunk number a called number (any form) belongs to. */
	Optional<InboundRoute> inboundRoute(String calledNumber);
}
