package com.calldesk.telephony;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's stable name: registrations and call records say which node holds them. */
record SipNode(String id) {

	static SipNode of(SipServerProperties properties) {
		if (properties.nodeId() != null && !properties.nodeId().isBlank()) {
			return new SipNode(properties.nodeId());
		}
		try {
			return new SipNode(InetAddress.getLocalHost().getHostName());
		}
		catch (UnknownHostException ex) {
			return new SipNode("calldesk");
		}
	}
}
