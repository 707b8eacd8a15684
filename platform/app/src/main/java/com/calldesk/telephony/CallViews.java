package com.calldesk.telephony;

import java.util.List;

import com.calldesk.calls.CallDirection;
import com.calldesk.calls.CallPhase;
import com.calldesk.calls.CallView;
import com.calldesk.calls.LegKind;
import com.calldesk.calls.LegView;
import com.calldesk.calls.Party;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.PartyLeg;

/** The SIP layer's snapshot as the typed view every consumer of CTI events reads. */
final class CallViews {

	private CallViews() {
	}

	/** {@code held} and {@code consultingSeat} are what the call log knows of the call beyond the snapshot. */
	static CallView of(CallSnapshot call, boolean held, String consultingSeat) {
		CallDirection direction = CallDirection.valueOf(call.direction());
		return new CallView(call.callId(), call.tenantId(), call.tenantCode(), direction,
				direction == CallDirection.INTERNAL ? null : PhoneNumbers.parse(call.customerNumber()).orElse(null), call.customerNumber(),
				call.dialledNumber(), call.trunkNumber(), call.displayNumber(), call.seat(), CallPhase.valueOf(call.state().name()), held,
				consultingSeat, call.offeredAt(), call.ringingAt(), call.answeredAt(), call.endedAt(),
				call.endedBy() == null ? null : Party.valueOf(call.endedBy()), call.endReason(), call.node(), call.forwardedTo(), legs(call.agentLegs()));
	}

	private static List<LegView> legs(List<PartyLeg> legs) {
		return legs.stream().map(leg -> new LegView(LegKind.valueOf(leg.kind()), leg.party(), leg.startedAt(), leg.answeredAt(), leg.endedAt()))
			.toList();
	}
}
