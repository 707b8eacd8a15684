package com.calldesk.acd;

import org.springframework.stereotype.Component;

import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * Phones drive presence: a seat whose phone registers while offline becomes available; a seat whose
 * last phone goes (un-registered, or dropped by the keep-alives) goes offline.
 */
@Component
public class AgentPresence {

	private final AgentDesk desk;

	private final Locations locations;

	AgentPresence(AgentDesk desk, Locations locations) {
		this.desk = desk;
		this.locations = locations;
	}

	public void registered(Binding phone) {
		desk.phoneRegistered(phone.tenantId(), phone.aor());
	}

	public void unregistered(Binding phone) {
		boolean anotherLeft = locations.of(phone.aor()).stream().anyMatch(b -> !b.contact().equals(phone.contact()));
		if (!anotherLeft) {
			desk.phoneGone(phone.tenantId(), phone.aor());
		}
	}
}
