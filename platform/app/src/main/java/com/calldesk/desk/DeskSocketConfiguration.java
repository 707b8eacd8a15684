package com.calldesk.desk;

import java.security.Principal;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import com.calldesk.provisioning.resources.Seat;
import com.calldesk.seats.SeatSettings;
import com.calldesk.users.Role;
import com.calldesk.users.SignedInUser;

/**
 * The desktop's live channel: STOMP over a plain WebSocket at {@code /ws}, same origin only, opened by
 * a signed-in session (the handshake passes the security filters like any request). The in-memory
 * broker serves this node's sockets with heart-beats every 10 s both ways, so a dead link is seen in
 * seconds; events of calls on other nodes arrive through the CTI bus, not through a broker relay.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class DeskSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	static final long HEARTBEAT_MS = 10_000;

	private final DeskSubscriptions subscriptions;

	private final SeatSettings seats;

	DeskSocketConfiguration(DeskSubscriptions subscriptions, SeatSettings seats) {
		this.subscriptions = subscriptions;
		this.seats = seats;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws").setHandshakeHandler(new DefaultHandshakeHandler() {

			@Override
			protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler, Map<String, Object> attributes) {
				return request.getPrincipal() instanceof Authentication auth && auth.getPrincipal() instanceof SignedInUser user ? principal(user)
						: null;
			}
		});
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
		heartbeats.setPoolSize(1);
		heartbeats.setThreadNamePrefix("desk-heartbeat-");
		heartbeats.setDaemon(true);
		heartbeats.initialize();
		registry.enableSimpleBroker("/queue").setHeartbeatValue(new long[] { HEARTBEAT_MS, HEARTBEAT_MS }).setTaskScheduler(heartbeats);
		registry.setUserDestinationPrefix("/user");
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(subscriptions);
	}

	/** Runs in the handshake request, whose tenant the security filters have bound. */
	private DeskPrincipal principal(SignedInUser user) {
		Seat seat = seats.seatOf(user.userId()).orElse(null);
		return new DeskPrincipal(user.tenantId(), user.userId(), user.username(), seat == null ? null : seat.getSipUsername(),
				seat == null ? null : String.format("%04d", seat.getSeatNo()), user.role() != Role.AGENT);
	}
}
