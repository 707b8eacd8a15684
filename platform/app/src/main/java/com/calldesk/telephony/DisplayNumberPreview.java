package com.calldesk.telephony;

import java.util.List;

import org.springframework.stereotype.Component;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.provisioning.resources.DisplayNumber;
import com.calldesk.sip.calls.OutboundRouting.DisplayNumberChoice;
import com.calldesk.state.ChannelCounter;

/**
 * Which display number (外显号码, B1) a click-to-call to a number would show, said before it is placed:
 * the route's order ({@link TenantOutboundRouting#inCallOrder}, the callee's region first) and, as the
 * call itself does when it takes its channels, the first of them with a line free now. Only a
 * forecast: a line may be taken between the preview and the call, which then moves on to the next.
 */
@Component
public class DisplayNumberPreview {

	private final TenantOutboundRouting routing;

	private final ChannelCounter channels;

	DisplayNumberPreview(TenantOutboundRouting routing, ChannelCounter channels) {
		this.routing = routing;
		this.channels = channels;
	}

	public Preview of(long tenantId, PhoneNumber callee) {
		List<DisplayNumber> ordered = routing.inCallOrder(tenantId, callee);
		DisplayNumber chosen = ordered.stream().filter(this::hasFreeLine).findFirst().orElse(null);
		return new Preview(chosen, ordered);
	}

	private boolean hasFreeLine(DisplayNumber display) {
		return channels.inUse(DisplayNumberChoice.channelKeyOf(display.getId())) < display.getChannelLimit();
	}

	/**
	 * @param chosen what the call would show; null when the tenant has none or every line is busy
	 * @param inCallOrder every display number of the tenant, in the order the call tries them
	 */
	public record Preview(DisplayNumber chosen, List<DisplayNumber> inCallOrder) {
	}
}
