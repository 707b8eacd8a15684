package com.calldesk.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;

/**
 * Pings the phones this node registered with OPTIONS, which keeps their NAT pinholes open and finds
 * phones that died without un-registering: after {@code maxMisses} unanswered pings in a row the
 * binding is removed. Any answer, even 404 or 405, proves the phone alive.
 */
public final class KeepAlive implements RegistrationEvents, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KeepAlive.class);

	private final SipEndpoint endpoint;

	private final Locations locations;

	private final RegistrationEvents next;

	private final Clock clock;

	private final Duration answerWithin;

	private final int maxMisses;

	private final Map<String, Binding> owned = new ConcurrentHashMap<>();

	private final Map<String, Integer> misses = new ConcurrentHashMap<>();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sip-keepalive");
		thread.setDaemon(true);
		return thread;
	});

	public KeepAlive(SipEndpoint endpoint, Locations locations, RegistrationEvents next, Clock clock, Duration answerWithin,
			int maxMisses) {
		this.endpoint = endpoint;
		this.locations = locations;
		this.next = next;
		this.clock = clock;
		this.answerWithin = answerWithin;
		this.maxMisses = maxMisses;
	}

	public void start(Duration interval) {
		if (!interval.isZero()) {
			timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void registered(Binding binding) {
		owned.put(key(binding.aor(), binding.contact()), binding);
		next.registered(binding);
	}

	@Override
	public void unregistered(Binding binding, String reason) {
		forget(key(binding.aor(), binding.contact()));
		next.unregistered(binding, reason);
	}

	/** An answer to a stateless request; answers to anything but our pings are ignored. */
	public void onReply(Response response) {
		CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
		Pending answered = callId == null ? null : pending.remove(callId.getCallId());
		if (answered != null) {
			misses.remove(answered.key());
		}
	}

	/** One round: count unanswered pings, drop dead phones, ping the rest. */
	void tick() {
		try {
			Instant now = clock.instant();
			pending.entrySet().removeIf(entry -> {
				if (entry.getValue().deadline().isAfter(now)) {
					return false;
				}
				missed(entry.getValue().key());
				return true;
			});
			owned.entrySet().removeIf(entry -> !entry.getValue().expiresAt().isAfter(now));
			for (Map.Entry<String, Binding> entry : List.copyOf(owned.entrySet())) {
				ping(entry.getKey(), entry.getValue(), now);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Keep-alive round failed", ex);
		}
	}

	private void missed(String key) {
		int count = misses.merge(key, 1, Integer::sum);
		Binding binding = owned.get(key);
		if (count >= maxMisses && binding != null) {
			locations.remove(binding.aor(), binding.contact());
			forget(key);
			log.info("Phone {} of {} stopped answering; registration removed", binding.target(), binding.aor());
			next.unregistered(binding, "keep-alive");
		}
	}

	private void ping(String key, Binding binding, Instant now) {
		try {
			String callId = endpoint.newCallId();
			var h = endpoint.headers();
			var a = endpoint.addresses();
			SipURI target = (SipURI) a.createURI(binding.target());
			String transport = target.getTransportParam() == null ? "udp" : target.getTransportParam();
			Request options = endpoint.messages().createRequest(target, Request.OPTIONS, h.createCallIdHeader(callId),
					h.createCSeqHeader(1L, Request.OPTIONS),
					h.createFromHeader(a.createAddress("sip:keepalive@" + endpoint.host() + ":" + endpoint.port()),
							Long.toHexString(System.nanoTime())),
					h.createToHeader(a.createAddress("sip:" + binding.aor() + "@" + endpoint.host()), null),
					List.of(h.createViaHeader(endpoint.host(), endpoint.port(), transport, endpoint.newBranch())),
					h.createMaxForwardsHeader(70));
			pending.put(callId, new Pending(key, now.plus(answerWithin)));
			endpoint.sendStateless(options);
		}
		catch (Exception ex) {
			log.debug("Cannot ping {}", binding.target(), ex);
			missed(key);
		}
	}

	private void forget(String key) {
		owned.remove(key);
		misses.remove(key);
		pending.values().removeIf(p -> p.key().equals(key));
	}

	int pendingPings() {
		return pending.size();
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

	private static String key(String aor, String contact) {
		return aor + "\n" + contact;
	}

	private record Pending(String key, Instant deadline) {
	}
}
