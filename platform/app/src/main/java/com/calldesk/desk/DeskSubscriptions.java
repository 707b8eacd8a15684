package com.calldesk.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The gate of every frame a page sends: a socket may subscribe to its own user's desk destination, a
 * supervisor's also to the tenant's monitor wall, and to nothing else, and may send nothing (commands go through the REST API, with its CSRF check and
 * tenant scope). Anything else is refused with an ERROR frame and logged, so a forged subscription to
 * another seat's destination is seen. Once a subscription is in place, its session gets the snapshot.
 */
@Component
class DeskSubscriptions implements ExecutorChannelInterceptor {

	static final String OWN_DESK = "/user" + DeskChannel.DESTINATION;

	static final String OWN_WALL = "/user" + DeskChannel.WALL;

	private static final Logger log = LoggerFactory.getLogger(DeskSubscriptions.class);

	private final DeskSessions sessions;

	private final DeskSnapshots snapshots;

	private final WallWatchers watchers;

	DeskSubscriptions(DeskSessions sessions, DeskSnapshots snapshots, WallWatchers watchers) {
		this.sessions = sessions;
		this.snapshots = snapshots;
		this.watchers = watchers;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(message);
		StompCommand command = frame.getCommand();
		if (command == null || command == StompCommand.DISCONNECT || command == StompCommand.UNSUBSCRIBE) {
			return message;
		}
		if (!(frame.getUser() instanceof DeskPrincipal user)) {
			log.warn("Desk socket frame {} without a signed-in user refused", command);
			throw new MessagingException(message, "not signed in");
		}
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			return message;
		}
		if (command == StompCommand.SUBSCRIBE && OWN_DESK.equals(frame.getDestination())) {
			return message;
		}
		if (command == StompCommand.SUBSCRIBE && OWN_WALL.equals(frame.getDestination()) && user.supervises()) {
			return message;
		}
		log.warn("Desk socket of {} (tenant {}, seat {}) refused: {} {}", user.username(), user.tenantId(), user.seat(), command,
				frame.getDestination());
		throw new MessagingException(message, "only " + OWN_DESK + " (and a supervisor's " + OWN_WALL + ") may be subscribed to");
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		// the user destination handler has put the broker subscription in place when it returns
		if (ex != null || !(handler instanceof UserDestinationMessageHandler)) {
			return;
		}
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(message);
		if (frame.getCommand() == StompCommand.SUBSCRIBE && frame.getUser() instanceof DeskPrincipal user
				&& OWN_WALL.equals(frame.getDestination())) {
			watchers.subscribed(user, frame.getSessionId());
			try {
				snapshots.wallWatching(frame.getSessionId(), frame.getSubscriptionId());
			}
			catch (RuntimeException failure) {
				log.warn("Wall greeting for {} not sent", user.username(), failure);
			}
			return;
		}
		if (frame.getCommand() == StompCommand.SUBSCRIBE && frame.getUser() instanceof DeskPrincipal user) {
			sessions.subscribed(user, frame.getSessionId());
			try {
				snapshots.send(user, frame.getSessionId(), frame.getSubscriptionId());
			}
			catch (RuntimeException failure) {
				log.warn("Desk snapshot for {} not sent", user.username(), failure);
			}
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		if (event.getUser() instanceof DeskPrincipal user) {
			sessions.closed(user, event.getSessionId());
			watchers.closed(user, event.getSessionId());
		}
	}
}
