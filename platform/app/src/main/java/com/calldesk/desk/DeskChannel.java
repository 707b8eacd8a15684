package com.calldesk.desk;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import com.calldesk.acd.DeskAgents;
import com.calldesk.calls.AgentStateChanged;
import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallbackTaskChanged;
import com.calldesk.calls.CallView;

/**
 * Delivers CTI events to the desktops subscribed on this node. Every node hears every event (the CTI
 * bus fans them out), and each delivers to its own sockets, only to the users whose seat the event
 * concerns: the seat rung, talking or consulted; an agent's change also to the supervisors watching the
 * tenant's monitor wall here. Delivery runs off the thread that published the event
 * (a SIP or Redis thread must not wait for a screen pop to be read from the database).
 */
@Component
class DeskChannel implements AutoCloseable {

	static final String DESTINATION = "/queue/desk";

	/** A supervisor's monitor wall: every agent change of the tenant, as it happens. */
	static final String WALL = "/queue/wall";

	private static final Logger log = LoggerFactory.getLogger(DeskChannel.class);

	private final DeskSessions sessions;

	private final SimpMessagingTemplate messaging;

	private final CallPops pops;

	private final DeskAgents agents;

	private final WallWatchers watchers;

	private final RungSeats rung = new RungSeats();

	/** One thread per stripe, a call's (or a seat's) events always on the same one: they reach the page in order. */
	private final ExecutorService[] delivery = new ExecutorService[4];

	DeskChannel(DeskSessions sessions, WallWatchers watchers, SimpMessagingTemplate messaging, CallPops pops, DeskAgents agents) {
		this.sessions = sessions;
		this.watchers = watchers;
		this.messaging = messaging;
		this.pops = pops;
		this.agents = agents;
		for (int i = 0; i < delivery.length; i++) {
			delivery[i] = Executors.newSingleThreadExecutor(runnable -> {
				Thread thread = new Thread(runnable, "desk-delivery");
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	@EventListener
	void on(CallEvent event) {
		stripe(event.call().callId()).execute(() -> deliver(event));
	}

	@EventListener
	void on(AgentStateChanged event) {
		stripe(event.agent().seat()).execute(() -> deliver(event));
	}

	/** The owner's desks hear that their callback list changed (they read it again). */
	@EventListener
	void on(CallbackTaskChanged event) {
		if (event.ownerSeat() == null) {
			return;
		}
		stripe(event.ownerSeat()).execute(() -> {
			String message = null;
			for (DeskPrincipal user : sessions.of(event.tenantId(), event.ownerSeat())) {
				if (message == null) {
					message = DeskMessages.callback(event);
				}
				send(user, message);
			}
		});
	}

	private void deliver(CallEvent event) {
		CallView call = event.call();
		Set<String> seats = new LinkedHashSet<>(call.seats());
		if (event instanceof CallEvent.CallRinging) {
			rung.rang(call);
		}
		else if (event instanceof CallEvent.CallAnswered || event instanceof CallEvent.CallEnded) {
			// the other phones of a ring-all hear that a colleague took the call (or it ended) and stop ringing
			seats.addAll(rung.over(call, event instanceof CallEvent.CallEnded));
		}
		boolean pops = event instanceof CallEvent.CallRinging || event instanceof CallEvent.CallAnswered;
		String message = null;
		for (String seat : seats) {
			for (DeskPrincipal user : sessions.of(call.tenantId(), seat)) {
				if (message == null) {
					message = DeskMessages.event(event, pops ? this.pops.of(call, event instanceof CallEvent.CallAnswered).orElse(null) : null);
				}
				send(user, message);
			}
		}
	}

	private void deliver(AgentStateChanged event) {
		String message = null;
		for (DeskPrincipal user : sessions.of(event.tenantId(), event.agent().seat())) {
			if (message == null) {
				message = DeskMessages.agent(event.tenantId(), event.seq(), event.at(), agents.of(event.agent(), user.seatNumber()));
			}
			send(user, message);
		}
		String wall = null;
		for (DeskPrincipal watcher : watchers.of(event.tenantId())) {
			if (wall == null) {
				wall = DeskMessages.wallSeat(event.tenantId(), event.seq(), event.at(), agents.of(event.agent(), (String) null));
			}
			send(watcher, WALL, wall);
		}
	}

	private void send(DeskPrincipal user, String message) {
		send(user, DESTINATION, message);
	}

	private void send(DeskPrincipal user, String destination, String message) {
		try {
			messaging.convertAndSendToUser(user.getName(), destination, message);
		}
		catch (RuntimeException ex) {
			log.warn("Desk message to {} not sent", user.getName(), ex);
		}
	}

	private ExecutorService stripe(String key) {
		return delivery[Math.floorMod(key.hashCode(), delivery.length)];
	}

	@Override
	public void close() {
		for (ExecutorService stripe : delivery) {
			stripe.shutdownNow();
		}
	}
}
