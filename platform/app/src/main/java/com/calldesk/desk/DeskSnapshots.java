package com.calldesk.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;

import com.calldesk.acd.DeskAgent;
import com.calldesk.acd.DeskAgents;
import com.calldesk.calls.CallPhase;
import com.calldesk.calls.CallView;
import com.calldesk.telephony.LiveCalls;

/**
 * What a page starts from each time its socket subscribes: the agent now and the call the agent
 * rings for, talks on or wraps up, with its pop — so a call that rang while the socket was down still
 * shows. Sent to that one session, straight after its subscription is in place, so no event falls
 * between the snapshot and the live stream (one that lands in both is dropped by its seq).
 */
@Component
class DeskSnapshots {

	private static final MimeType JSON = MimeType.valueOf("application/json;charset=UTF-8");

	private final DeskAgents agents;

	private final LiveCalls live;

	private final CallPops pops;

	private final Clock clock;

	private final ObjectProvider<MessageChannel> outbound;

	DeskSnapshots(DeskAgents agents, LiveCalls live, CallPops pops, Clock clock,
			@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> outbound) {
		this.agents = agents;
		this.live = live;
		this.pops = pops;
		this.clock = clock;
		this.outbound = outbound;
	}

	DeskMessages.Snapshot of(DeskPrincipal user) {
		if (user.seat() == null) {
			return new DeskMessages.Snapshot(clock.instant(), null, List.of());
		}
		DeskAgent agent = agents.of(user.tenantId(), user.seat(), user.seatNumber()).orElse(null);
		List<DeskMessages.SnapshotCall> calls = new ArrayList<>();
		if (agent != null && agent.callId() != null) {
			live.find(user.tenantId(), agent.callId()).filter(found -> !found.ended()).ifPresent(found -> {
				CallView call = mine(found.call(), user.seat(), agent.state() == com.calldesk.calls.AgentState.RINGING);
				boolean pops = call.phase() == CallPhase.RINGING || call.phase() == CallPhase.ANSWERED || call.phase() == CallPhase.QUEUED;
				calls.add(new DeskMessages.SnapshotCall(call, found.seq(), pops ? this.pops.of(call, true).orElse(null) : null));
			});
		}
		return new DeskMessages.Snapshot(clock.instant(), agent, calls);
	}

	void send(DeskPrincipal user, String sessionId, String subscriptionId) {
		deliver(sessionId, subscriptionId, DeskChannel.DESTINATION, DeskMessages.snapshot(of(user)));
	}

	/** Tells a monitor wall its feed is in place: every change from now on reaches it, so it reads the wall once. */
	void wallWatching(String sessionId, String subscriptionId) {
		deliver(sessionId, subscriptionId, DeskChannel.WALL, DeskMessages.wallWatching(clock.instant()));
	}

	private void deliver(String sessionId, String subscriptionId, String destination, String message) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setSubscriptionId(subscriptionId);
		headers.setDestination("/user" + destination);
		headers.setContentType(JSON);
		headers.setLeaveMutable(true);
		outbound.getObject().send(MessageBuilder.createMessage(message.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers.getMessageHeaders()));
	}

	/**
	 * The call as this agent's desk shows it: while the agent's phone rings for a call whose latest view
	 * names another seat (rung at once by a ring-all, or the agent a transfer leaves), it rings here.
	 */
	private static CallView mine(CallView call, String seat, boolean ringingHere) {
		if (!ringingHere || seat.equals(call.seat()) || seat.equals(call.consultingSeat())) {
			return call;
		}
		return call.forSeat(seat).withPhase(CallPhase.RINGING);
	}
}
