package com.calldesk.sip.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.state.ChannelCounter;

/**
 * The call sweeper's round, every second, over the calls this node carries: channel leases renewed,
 * calls whose media stopped ended (RTP timeout), session timers kept ({@link SessionRefresh}), agent
 * phones ringing past the tenant's ring timeout passed on ({@link InboundCalls}), waiting callers told where
 * they stand when their next announcement is due ({@link QueueAnnouncements}), and a seat's own
 * outbound call ringing past {@code ringTimeout} cancelled.
 */
final class CallSweeper {

	private static final Logger log = LoggerFactory.getLogger(CallSweeper.class);

	private final CallHangUp calls;

	private final ActiveCalls active;

	private final ChannelCounter channels;

	private final SessionRefresh refresh;

	private final InboundCalls inboundCalls;

	private final Clock clock;

	private final Transfers transfers;

	private final Consults consults;

	CallSweeper(CallHangUp calls, ActiveCalls active, ChannelCounter channels, SessionRefresh refresh, InboundCalls inboundCalls,
			Transfers transfers, Consults consults, Clock clock) {
		this.transfers = transfers;
		this.consults = consults;
		this.calls = calls;
		this.active = active;
		this.channels = channels;
		this.refresh = refresh;
		this.inboundCalls = inboundCalls;
		this.clock = clock;
	}

	void sweep(Duration ringTimeout) {
		Instant now = clock.instant();
		Instant ringDeadline = now.minus(ringTimeout);
		for (Call call : active.all()) {
			renewChannels(call, now);
			CallState state = call.state();
			if (state == CallState.ANSWERED && call.media != null && call.media.timedOut()) {
				calls.hangUp(call, null, "rtp-timeout");
			}
			else if (state == CallState.ANSWERED && call.consult != null) {
				// the agent talks to another seat: no refresh that would move a phone back, a ring to time out
				consults.check(call, now);
			}
			else if (state == CallState.ANSWERED && (call.transfer != null || call.rejoining)) {
				// the agent side is being replaced: no leg to refresh, a ring to time out
				transfers.check(call, now);
				inboundCalls.checkRinging(call, now);
			}
			else if (state == CallState.ANSWERED) {
				refresh.check(call, now);
			}
			else if (call.inbound()) {
				inboundCalls.checkRinging(call, now);
				inboundCalls.announcements().check(call, now);
			}
			else if ((state == CallState.OFFERED || state == CallState.RINGING) && call.snapshot().offeredAt().isBefore(ringDeadline)) {
				calls.hangUp(call, null, "ring-timeout");
			}
		}
	}

	/** Channel leases last two minutes: a live call renews its own every 30 s, a dead node's lapse. */
	private void renewChannels(Call call, Instant now) {
		synchronized (call) {
			if (call.leasesRenewedAt != null && now.isBefore(call.leasesRenewedAt.plusSeconds(30))) {
				return;
			}
			call.leasesRenewedAt = now;
		}
		for (String key : call.channelKeys()) {
			try {
				channels.renew(key, call.id());
			}
			catch (RuntimeException ex) {
				log.warn("Renewing channel {} of call {} failed", key, call.id(), ex);
			}
		}
	}
}
