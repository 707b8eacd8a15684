package com.calldesk.sip.calls;

import java.util.List;
import java.util.Optional;

import com.calldesk.state.ChannelCounter;

/**
 * A seat's call out through a gateway, as far as it has got: the route, the display number now
 * shown, and whether the gateway's digest challenge has been answered. Guarded by the call's lock.
 */
final class OutboundAttempt {

	private final OutboundRouting.Route route;

	private int displayIndex;

	boolean challenged;

	OutboundAttempt(OutboundRouting.Route route, int displayIndex) {
		this.route = route;
		this.displayIndex = displayIndex;
	}

	/**
	 * The gateway's channel, then the first display number with a free one, held for {@code callId};
	 * empty with nothing held when either is full.
	 */
	static Optional<OutboundAttempt> take(ChannelCounter channels, OutboundRouting.Route route, String callId) {
		if (!channels.tryAcquire(route.gatewayChannelKey(), route.gatewayChannels(), callId)) {
			return Optional.empty();
		}
		List<OutboundRouting.DisplayNumberChoice> choices = route.displayNumbers();
		for (int i = 0; i < choices.size(); i++) {
			if (channels.tryAcquire(choices.get(i).channelKey(), choices.get(i).channels(), callId)) {
				return Optional.of(new OutboundAttempt(route, i));
			}
		}
		channels.release(route.gatewayChannelKey(), callId);
		return Optional.empty();
	}

	OutboundRouting.Route route() {
		return route;
	}

	OutboundRouting.DisplayNumberChoice display() {
		return route.displayNumbers().get(displayIndex);
	}

	/**
	 * The next display number in the route's order with a free channel, its channel taken and the
	 * current one's released; empty when none is left (the current one stays held).
	 */
	Optional<OutboundRouting.DisplayNumberChoice> nextDisplay(ChannelCounter channels, String callId) {
		List<OutboundRouting.DisplayNumberChoice> choices = route.displayNumbers();
		for (int i = displayIndex + 1; i < choices.size(); i++) {
			if (channels.tryAcquire(choices.get(i).channelKey(), choices.get(i).channels(), callId)) {
				channels.release(display().channelKey(), callId);
				displayIndex = i;
				return Optional.of(choices.get(i));
			}
		}
		return Optional.empty();
	}
}
