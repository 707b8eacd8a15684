package com.calldesk.telephony;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.GatewayLink;
import com.calldesk.provisioning.resources.GatewayLinks;
import com.calldesk.sip.trunks.TrunkRegistrations;
import com.calldesk.sip.trunks.TrunkState;

/** This node's registrations to REGISTER gateways, as the staff console shows them. */
@Component
class TrunkLinks implements GatewayLinks {

	private final ObjectProvider<TrunkRegistrations> registrations;

	private final TrunkRouting trunks;

	TrunkLinks(ObjectProvider<TrunkRegistrations> registrations, TrunkRouting trunks) {
		this.registrations = registrations;
		this.trunks = trunks;
	}

	@Override
	public Optional<GatewayLink> of(long gatewayId) {
		TrunkRegistrations sip = registrations.getIfAvailable();
		if (sip == null || trunks.registeringTrunks().stream().noneMatch(t -> t.gatewayId() == gatewayId)) {
			return Optional.empty();
		}
		TrunkState state = sip.state(gatewayId);
		return Optional.of(new GatewayLink(state.status().name(), state.refreshAt(), state.lastError()));
	}
}
