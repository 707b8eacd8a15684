package com.calldesk.telephony;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.calldesk.acd.Acd;
import com.calldesk.acd.AgentBoard;
import com.calldesk.acd.AgentPresence;
import com.calldesk.acd.InMemoryAgentBoard;
import com.calldesk.acd.RedisAgentBoard;
import com.calldesk.calls.CtiJson;
import com.calldesk.journal.OrderedWrites;
import com.calldesk.media.MediaRelay;
import com.calldesk.media.MediaSettings;
import com.calldesk.provisioning.resources.SipAccountProperties;
import com.calldesk.sip.OptionsHandler;
import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipServer;
import com.calldesk.sip.SipSettings;
import com.calldesk.sip.calls.ActiveCalls;
import com.calldesk.sip.calls.B2bua;
import com.calldesk.sip.calls.CallHandlers;
import com.calldesk.sip.calls.CallLifecycle;
import com.calldesk.sip.calls.MediaAnchor;
import com.calldesk.sip.calls.OutboundRouting;
import com.calldesk.sip.calls.SessionTimers;
import com.calldesk.sip.calls.TrunkDirectory;
import com.calldesk.sip.registrar.InMemoryLocations;
import com.calldesk.sip.registrar.KeepAlive;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.sip.registrar.Nonces;
import com.calldesk.sip.registrar.RedisLocations;
import com.calldesk.sip.registrar.Registrar;
import com.calldesk.sip.registrar.RegistrationEvents;
import com.calldesk.sip.registrar.SeatAccounts;
import com.calldesk.sip.registrar.SeatAuthentication;
import com.calldesk.sip.trunks.TrunkRegistrations;
import com.calldesk.state.ChannelCounter;
import com.calldesk.state.ExpiringCounters;
import com.calldesk.state.InMemoryChannelCounter;
import com.calldesk.state.RedisChannelCounter;
import com.calldesk.state.Throttle;

/** Starts the SIP server with the registrar; where registrations live follows {@code calldesk.state.store}. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TelephonyConfiguration.class);

	/** How long a channel stays taken without its node renewing it (every 30 s while the call lasts). */
	static final Duration CHANNEL_LEASE = Duration.ofMinutes(2);

	static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE, REFER, NOTIFY";

	@Bean
	Locations locations(Environment environment, ObjectProvider<RedissonClient> redisson, Clock clock) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisLocations(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), clock);
		}
		return new InMemoryLocations(clock);
	}

	@Bean
	com.calldesk.calls.CtiBus ctiBus(Environment environment, ObjectProvider<RedissonClient> redisson, ApplicationEventPublisher local) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisCtiBus(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), CtiJson.mapper(), local);
		}
		return local::publishEvent;
	}

	@Bean
	LiveCalls liveCalls(Environment environment, ObjectProvider<RedissonClient> redisson, Clock clock) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisLiveCalls(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), CtiJson.mapper());
		}
		return new InMemoryLiveCalls(clock);
	}

	/** Commands for calls on other nodes go there through Redis; a single node has no other. */
	@Bean
	CommandRelay commandRelay(Environment environment, ObjectProvider<RedissonClient> redisson, SipNode node, ObjectProvider<CallRouter> router) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisCommandRelay(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), node.id(),
					CtiJson.mapper(), command -> router.getObject().executeHere(command));
		}
		return CommandRelay.NONE;
	}

	/** The node's write-ahead journal of call records, under {@code calldesk.calls.journal-dir} (the data dir's {@code journal}). */
	@Bean(destroyMethod = "close")
	RecordJournal recordJournal(Environment environment, SipNode node) {
		Path dir = Path.of(environment.getProperty("calldesk.calls.journal-dir",
				Path.of(environment.getProperty("calldesk.data-dir", "./calldesk-data"), "journal").toString()));
		return new RecordJournal(dir, node.id(), tools.jackson.databind.json.JsonMapper.builder().findAndAddModules().build());
	}

	@Bean
	SipNode sipNode(SipServerProperties server) {
		return SipNode.of(server);
	}

	@Bean
	ChannelCounter channelCounter(Environment environment, ObjectProvider<RedissonClient> redisson, Clock clock) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisChannelCounter(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), clock,
					CHANNEL_LEASE);
		}
		return new InMemoryChannelCounter(clock, CHANNEL_LEASE);
	}

	@Bean
	ActiveCalls activeCalls() {
		return new ActiveCalls();
	}

	/** Agents' status and state: one map on one node; shared by every node in production (Redis). */
	@Bean
	AgentBoard agentBoard(Environment environment, ObjectProvider<RedissonClient> redisson, Clock clock) {
		if ("redis".equals(environment.getProperty("calldesk.state.store"))) {
			return new RedisAgentBoard(redisson.getObject(), environment.getProperty("calldesk.redis.prefix", "calldesk:"), clock);
		}
		return new InMemoryAgentBoard(clock);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "calldesk.media.enabled", havingValue = "true", matchIfMissing = true)
	MediaRelay mediaRelay(MediaProperties media, SipServerProperties server, SipAccountProperties accounts, Environment environment) {
		String advertised = media.advertisedAddress() != null && !media.advertisedAddress().isBlank() ? media.advertisedAddress()
				: advertised(server, accounts);
		Path recordings = media.recordingsDir() != null ? media.recordingsDir()
				: Path.of(environment.getProperty("calldesk.data-dir", "./calldesk-data"), "recordings");
		return new MediaRelay(new MediaSettings(media.bindAddress(), advertised, media.portMin(), media.portMax(), media.rtpTimeout(),
				recordings, media.relayThreads()));
	}

	/** The relay's loss counters and load in the Actuator metrics (calldesk.media.*), when the relay is on. */
	@Bean
	MeterBinder mediaRelayMetrics(ObjectProvider<MediaRelay> relay) {
		return registry -> {
			MediaRelay media = relay.getIfAvailable();
			if (media == null) {
				return;
			}
			FunctionCounter.builder("calldesk.media.send.failures", media, MediaRelay::sendFailures)
				.description("RTP packets the relay could not send (full socket buffer or send error)")
				.register(registry);
			FunctionCounter.builder("calldesk.media.recording.drops", media, MediaRelay::recordingDrops)
				.description("audio chunks dropped because the recorder queue was full")
				.register(registry);
			FunctionCounter.builder("calldesk.media.packets.received", media, MediaRelay::packetsReceived)
				.description("datagrams received on the relay's RTP sockets")
				.register(registry);
			Gauge.builder("calldesk.media.sessions", media, MediaRelay::activeSessions).description("calls with media on the relay")
				.register(registry);
			Gauge.builder("calldesk.media.relay.threads", media, MediaRelay::relayThreads).register(registry);
		};
	}

	@Bean
	MediaAnchor mediaAnchor(ObjectProvider<MediaRelay> relay, MediaProperties media, Clock clock, PromptLibrary prompts) {
		MediaRelay available = relay.getIfAvailable();
		return available == null ? new PassThroughMedia() : new RelayMedia(available, media.rtpTimeout(), clock, prompts);
	}

	@Bean
	RegistrationLog registrationLog(AgentPresence presence) {
		return new RegistrationLog(presence);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "calldesk.sip.server.enabled", havingValue = "true", matchIfMissing = true)
	SipServer sipServer(SipServerProperties server, SipAccountProperties accounts, SeatAccounts seats, Locations locations,
			ExpiringCounters counters, RegistrationLog events, Clock clock, SipNode sipNode, TrunkDirectory trunks,
			Acd acd, ChannelCounter channels, MediaAnchor media, CallLog calls, ActiveCalls active,
			ScheduledExecutorService callSweeper, OutboundRouting outbound, CallControl control, OrderedWrites writes) throws Exception {
		int port = server.listenPort() > 0 ? server.listenPort() : accounts.port();
		String node = sipNode.id();
		SipSettings settings = new SipSettings(server.bindHost(), advertised(server, accounts), port, server.trunkPort(),
				accounts.realm(), server.threads(), server.maxInFlight(), 16384, server.minExpires(), server.maxExpires(),
				Duration.ofMinutes(5), server.keepAlive());
		Nonces nonces = new Nonces(secret(server), settings.nonceLifetime(), counters, clock);
		Registrar.Policy policy = new Registrar.Policy(accounts.realm(), server.minExpires(), server.maxExpires(), node,
				new Throttle(counters, "sip-account", 10, Duration.ofMinutes(1), Duration.ofMinutes(5)),
				new Throttle(counters, "sip-source", 30, Duration.ofMinutes(1), Duration.ofMinutes(5)));
		SipServer.Overload overload = new SipServer.Overload(server.overloadWait().toMillis(), server.overloadMaxQueued(),
				(int) Math.max(1, server.retryAfter().toSeconds()));
		SipRoles roles = new SipRoles(endpoint -> new KeepAlive(endpoint, locations, events, clock, Duration.ofSeconds(5), 3),
				// the records first, then the agents: a call's end is queued for its record before its agent is free again
				endpoint -> new B2bua(endpoint, trunks, acd, locations, channels, media, CallLifecycle.of(calls, acd), active, node, clock,
						new SessionTimers(server.sessionExpires(), server.minSe()), outbound),
				(endpoint, built) -> {
					Map<String, RequestHandler> handlers = new HashMap<>(
							CallHandlers.of(endpoint, built.b2bua(), new SeatAuthentication(endpoint, policy, seats, nonces), outbound));
					handlers.put("REGISTER", new Registrar(endpoint, policy, seats, nonces, locations, built.keepAlive(), clock));
					handlers.put("OPTIONS", new OptionsHandler(endpoint, ALLOW));
					return handlers;
				});
		SipServer sip = SipServer.start(settings, overload, roles);
		sip.onStatelessReply(roles.keepAlive()::onReply);
		// while the database is away records wait in the journal; new calls wait for it to come back
		sip.takeCallsWhile(() -> writes.stalledFor().compareTo(server.writesStalledLimit()) < 0);
		// a request that fails because the database or Redis is away gets 503 with Retry-After, not 500
		sip.unavailableWhen(ServicesAway::away);
		B2bua b2bua = roles.b2bua();
		acd.serve(b2bua.queuedCalls());
		control.serve(b2bua);
		roles.keepAlive().start(server.keepAlive());
		callSweeper.scheduleWithFixedDelay(() -> b2bua.sweep(server.ringTimeout()), 1, 1, TimeUnit.SECONDS);
		return sip;
	}

	/** What the SIP door refused (calldesk.sip.admission.*), when SIP runs on this node. */
	@Bean
	MeterBinder sipAdmissionMetrics(ObjectProvider<SipServer> sip) {
		return registry -> {
			SipServer server = sip.getIfAvailable();
			if (server == null) {
				return;
			}
			FunctionCounter.builder("calldesk.sip.admission.refused", server.admission(), a -> a.refused())
				.description("new INVITEs and REGISTERs answered 503 as they were read, before the stack parsed them")
				.register(registry);
			FunctionCounter.builder("calldesk.sip.admission.admitted", server.admission(), a -> a.admitted()).register(registry);
			Gauge.builder("calldesk.sip.admission.rate", server.admission(), a -> a.rate())
				.description("datagrams the stack's threads work through per second, as measured for admission")
				.register(registry);
		};
	}

	/** Registers to every gateway whose authentication is REGISTER; checked every 10 s. */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "calldesk.sip.server.enabled", havingValue = "true", matchIfMissing = true)
	TrunkRegistrations trunkRegistrations(SipServer sip, TrunkRouting trunks, Clock clock, SipServerProperties server) {
		TrunkRegistrations registrations = new TrunkRegistrations(sip, trunks::registeringTrunks, clock);
		registrations.start(server.trunkRegistrationCheck());
		return registrations;
	}

	/** Checks every second for calls whose media stopped. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService callSweeper() {
		return Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "call-sweeper");
			thread.setDaemon(true);
			return thread;
		});
	}

	private static byte[] secret(SipServerProperties server) {
		if (server.nonceSecret() != null && !server.nonceSecret().isBlank()) {
			return server.nonceSecret().getBytes(StandardCharsets.UTF_8);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

	private static String advertised(SipServerProperties server, SipAccountProperties accounts) {
		if (!"0.0.0.0".equals(server.bindHost())) {
			return server.bindHost();
		}
		if (accounts.publicHost() != null && !accounts.publicHost().isBlank()) {
			return accounts.publicHost();
		}
		try {
			return InetAddress.getLocalHost().getHostAddress();
		}
		catch (UnknownHostException ex) {
			return "127.0.0.1";
		}
	}

	/** Logs phones coming and going, and tells agent presence. */
	static final class RegistrationLog implements RegistrationEvents {

		private final AgentPresence presence;

		RegistrationLog(AgentPresence presence) {
			this.presence = presence;
		}

		@Override
		public void registered(com.calldesk.sip.registrar.Binding binding) {
			log.info("Registered {} at {} ({})", binding.aor(), binding.target(), binding.userAgent());
			presence.registered(binding);
		}

		@Override
		public void unregistered(com.calldesk.sip.registrar.Binding binding, String reason) {
			log.info("Unregistered {} at {}: {}", binding.aor(), binding.target(), reason);
			presence.unregistered(binding);
		}
	}
}
