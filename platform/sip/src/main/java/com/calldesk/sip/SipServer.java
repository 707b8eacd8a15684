package com.calldesk.sip;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.overload.AdmittingProcessorFactory;
import com.calldesk.sip.overload.DatagramAdmission;

/**
 * One JAIN-SIP stack listening on UDP and TCP for phones (and, when configured, a separate UDP
 * port for trunks), with the handlers the application gives it.
 */
public final class SipServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SipServer.class);

	private final SipStack stack;

	private final SipProvider provider;

	private final SipEndpoint endpoint;

	private final SipDispatcher dispatcher;

	private final String name;

	private final DatagramAdmission admission;

	private SipServer(SipStack stack, SipProvider provider, SipEndpoint endpoint, SipDispatcher dispatcher, String name,
			DatagramAdmission admission) {
		this.stack = stack;
		this.provider = provider;
		this.endpoint = endpoint;
		this.dispatcher = dispatcher;
		this.name = name;
		this.admission = admission;
	}

	/**
	 * How much waiting a new call or registration may join: refused with 503 and Retry-After
	 * {@code retryAfterSeconds} when the datagrams already queued would take longer than
	 * {@code targetWaitMillis} (under T1, 500 ms, so a caller has its 100 Trying before it retransmits; 250 ms by default, above the young GC pauses of a busy node) or number more than {@code maxQueued}.
	 */
	public record Overload(long targetWaitMillis, int maxQueued, int retryAfterSeconds) {

		public static final Overload DEFAULTS = new Overload(250, 5000, 2);
	}

	/** Starts listening; {@code handlers} builds the method handlers once the endpoint exists. */
	public static SipServer start(SipSettings settings, Function<SipEndpoint, Map<String, RequestHandler>> handlers)
			throws Exception {
		return start(settings, Overload.DEFAULTS, handlers);
	}

	/** As {@link #start(SipSettings, Function)}, refusing new work by {@code overload}. */
	public static SipServer start(SipSettings settings, Overload overload, Function<SipEndpoint, Map<String, RequestHandler>> handlers)
			throws Exception {
		SipFactory factory = SipFactory.getInstance();
		factory.setPathName("gov.nist");
		String name = "calldesk-" + settings.phonePort();
		DatagramAdmission admission = new DatagramAdmission(overload.targetWaitMillis(), overload.maxQueued(), System::nanoTime);
		AdmittingProcessorFactory.register(name, admission, overload.retryAfterSeconds());
		SipStack stack;
		try {
			stack = factory.createSipStack(StackProperties.of(name, settings));
		}
		catch (Exception | Error ex) {
			AdmittingProcessorFactory.unregister(name);
			throw ex;
		}
		try {
			ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.phonePort(), ListeningPoint.UDP);
			ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.phonePort(), ListeningPoint.TCP);
			SipProvider provider = stack.createSipProvider(udp);
			provider.addListeningPoint(tcp);
			if (settings.trunkPort() > 0) {
				provider.addListeningPoint(stack.createListeningPoint(settings.host(), settings.trunkPort(), ListeningPoint.UDP));
			}
			SipEndpoint endpoint = new SipEndpoint(provider, factory, settings.advertisedHost(), settings.phonePort());
			SipDispatcher dispatcher = new SipDispatcher(provider, endpoint, new AdmissionControl(settings.maxInFlight()));
			dispatcher.handlers(handlers.apply(endpoint));
			provider.addSipListener(dispatcher);
			stack.start();
			log.info("SIP listening on {}:{} (UDP, TCP){}", settings.host(), settings.phonePort(),
					settings.trunkPort() > 0 ? ", trunks on UDP " + settings.trunkPort() : "");
			return new SipServer(stack, provider, endpoint, dispatcher, name, admission);
		}
		catch (Exception | Error ex) {
			stack.stop();
			AdmittingProcessorFactory.unregister(name);
			throw ex;
		}
	}

	/** New calls get 503 with Retry-After while {@code takingCalls} says no; calls that are up go on. */
	public void takeCallsWhile(java.util.function.BooleanSupplier takingCalls) {
		dispatcher.takeCallsWhile(takingCalls);
	}

	/**
	 * Which failures mean a service the application depends on is away (its database, Redis): a request
	 * that fails so is answered 503 with Retry-After instead of 500, and logged once every 10 s, not each time.
	 */
	public void unavailableWhen(java.util.function.Predicate<Throwable> serviceAway) {
		dispatcher.unavailableWhen(serviceAway);
	}

	/** New INVITEs and REGISTERs refused as they were read, and the rate the stack works at. */
	public DatagramAdmission admission() {
		return admission;
	}

	public SipEndpoint endpoint() {
		return endpoint;
	}

	/** JAIN-SIP's client-side digest: answers a 401/407 with the credentials {@code accounts} gives. */
	public gov.nist.javax.sip.clientauthutils.AuthenticationHelper authenticationHelper(
			gov.nist.javax.sip.clientauthutils.AccountManager accounts) {
		return ((gov.nist.javax.sip.SipStackExt) stack).getAuthenticationHelper(accounts, endpoint.headers());
	}

	/** Answers to requests sent with {@link SipEndpoint#sendStateless} (keep-alive OPTIONS). */
	public void onStatelessReply(Consumer<Response> consumer) {
		dispatcher.onStatelessReply(consumer);
	}

	@Override
	public void close() {
		try {
			provider.removeSipListener(dispatcher);
		}
		finally {
			stop();
			AdmittingProcessorFactory.unregister(name);
		}
	}

	/**
	 * JAIN-SIP's UDP processor walks its channel list unguarded while a channel thread that is just
	 * starting may add itself (a server stopped a moment after it started), and finds the list not yet
	 * there when the processor has not finished starting (NullPointerException, seen once in the suite
	 * with a server stopped 13 ms after it started): stopping again finishes the job.
	 */
	private void stop() {
		for (int attempt = 1;; attempt++) {
			try {
				stack.stop();
				return;
			}
			catch (java.util.ConcurrentModificationException | NullPointerException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

}
