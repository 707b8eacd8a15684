package com.calldesk.sip.trunks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.ClientListener;
import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.SipServer;

/**
 * Keeps every registering trunk registered: a round every few seconds sends REGISTER to each trunk
 * that is not registered or is past half its granted time. A challenge is answered once per attempt;
 * a second challenge means wrong credentials and the trunk is marked failed until the next round.
 */
public final class TrunkRegistrations implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TrunkRegistrations.class);

	private static final int EXPIRES = 3600;

	private final SipEndpoint endpoint;

	private final AuthenticationHelper digest;

	private final Supplier<List<TrunkAccount>> trunks;

	private final Clock clock;

	private final Map<Long, TrunkState> states = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "trunk-registrations");
		thread.setDaemon(true);
		return thread;
	});

	public TrunkRegistrations(SipServer server, Supplier<List<TrunkAccount>> trunks, Clock clock) {
		this.endpoint = server.endpoint();
		this.trunks = trunks;
		this.clock = clock;
		this.digest = server.authenticationHelper((transaction, realm) -> credentials(transaction));
	}

	public void start(Duration every) {
		timer.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether CallDesk is registered to this gateway now. */
	public TrunkState state(long gatewayId) {
		return states.getOrDefault(gatewayId, TrunkState.NEW);
	}

	void round() {
		try {
			Instant now = clock.instant();
			for (TrunkAccount trunk : trunks.get()) {
				TrunkState state = state(trunk.gatewayId());
				if (state.refreshAt() == null || !now.isBefore(state.refreshAt())) {
					register(trunk, state);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Trunk registration round failed", ex);
		}
	}

	private void register(TrunkAccount trunk, TrunkState state) {
		try {
			var h = endpoint.headers();
			var a = endpoint.addresses();
			SipURI registrar = a.createSipURI(null, trunk.host());
			registrar.setPort(trunk.port());
			String transport = trunk.transport() == null ? "udp" : trunk.transport().toLowerCase();
			var aor = a.createAddress(a.createSipURI(trunk.username(), trunk.host()));
			String callId = state.callId() != null ? state.callId() : endpoint.newCallId();
			Request register = endpoint.messages().createRequest(registrar, Request.REGISTER, h.createCallIdHeader(callId),
					h.createCSeqHeader(state.cseq() + 1, Request.REGISTER), h.createFromHeader(aor, endpoint.newTag()),
					h.createToHeader(aor, null), List.of(h.createViaHeader(endpoint.host(), endpoint.port(), transport, null)),
					h.createMaxForwardsHeader(70));
			SipURI contact = a.createSipURI(trunk.username(), endpoint.host());
			contact.setPort(endpoint.port());
			register.addHeader(h.createContactHeader(a.createAddress(contact)));
			register.addHeader(h.createExpiresHeader(EXPIRES));
			states.put(trunk.gatewayId(), state.sending(callId, clock.instant()));
			ClientTransaction transaction = endpoint.provider().getNewClientTransaction(register);
			transaction.setApplicationData(new Attempt(trunk, false));
			transaction.sendRequest();
		}
		catch (Exception ex) {
			fail(trunk, "cannot send: " + ex.getMessage());
		}
	}

	private UserCredentials credentials(ClientTransaction transaction) {
		TrunkAccount trunk = ((Attempt) transaction.getApplicationData()).trunk();
		return new UserCredentials() {
			@Override
			public String getUserName() {
				return trunk.username();
			}

			@Override
			public String getPassword() {
				return trunk.password();
			}

			@Override
			public String getSipDomain() {
				return trunk.host();
			}
		};
	}

	private void fail(TrunkAccount trunk, String why) {
		log.warn("Registration to gateway {} ({}:{}) failed: {}", trunk.gatewayId(), trunk.host(), trunk.port(), why);
		states.compute(trunk.gatewayId(), (id, state) -> (state == null ? TrunkState.NEW : state).failed(why, clock.instant()));
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

	/** One REGISTER and, at most, its one answer to a challenge. */
	private final class Attempt implements ClientListener {

		private final TrunkAccount trunk;

		private final boolean answeredChallenge;

		Attempt(TrunkAccount trunk, boolean answeredChallenge) {
			this.trunk = trunk;
			this.answeredChallenge = answeredChallenge;
		}

		TrunkAccount trunk() {
			return trunk;
		}

		@Override
		public void onResponse(ResponseEvent event) {
			Response response = event.getResponse();
			int status = response.getStatusCode();
			if (status < 200) {
				return;
			}
			if (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
				if (answeredChallenge) {
					fail(trunk, "credentials refused (" + status + ")");
					return;
				}
				try {
					ClientTransaction retry = digest.handleChallenge(response, event.getClientTransaction(), endpoint.provider(), 5);
					retry.setApplicationData(new Attempt(trunk, true));
					states.computeIfPresent(trunk.gatewayId(), (id, state) -> state.nextCseq());
					retry.sendRequest();
				}
				catch (Exception ex) {
					fail(trunk, "cannot answer the challenge: " + ex.getMessage());
				}
				return;
			}
			if (status >= 300) {
				fail(trunk, "refused with " + status);
				return;
			}
			ExpiresHeader expires = response.getExpires();
			int granted = expires == null ? EXPIRES : Math.max(60, expires.getExpires());
			states.computeIfPresent(trunk.gatewayId(), (id, state) -> state.registered(clock.instant(), Duration.ofSeconds(granted)));
			log.info("Registered to gateway {} ({}:{}) for {} s", trunk.gatewayId(), trunk.host(), trunk.port(), granted);
		}

		@Override
		public void onTimeout(TimeoutEvent event) {
			fail(trunk, "no answer");
		}
	}
}
