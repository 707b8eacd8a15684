package com.calldesk.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's one listener: admission control, then the handler of the request's method. It keeps
 * no per-call state of its own, so there is nothing to leak when transactions time out or die.
 */
final class SipDispatcher implements SipListenerExt {

	private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

	private final SipProvider provider;

	private final SipEndpoint endpoint;

	private final AdmissionControl admission;

	private volatile Map<String, RequestHandler> handlers = Map.of();

	private final List<Consumer<Response>> statelessReplies = new CopyOnWriteArrayList<>();

	private volatile java.util.function.BooleanSupplier takingCalls = () -> true;

	private volatile java.util.function.Predicate<Throwable> serviceAway = failure -> false;

	private final ThrottledWarning overload = new ThrottledWarning(log, java.util.concurrent.TimeUnit.SECONDS.toNanos(10), System::nanoTime);

	private final ThrottledWarning stateAway = new ThrottledWarning(log, java.util.concurrent.TimeUnit.SECONDS.toNanos(10), System::nanoTime);

	SipDispatcher(SipProvider provider, SipEndpoint endpoint, AdmissionControl admission) {
		this.provider = provider;
		this.endpoint = endpoint;
		this.admission = admission;
	}

	void handlers(Map<String, RequestHandler> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	void unavailableWhen(java.util.function.Predicate<Throwable> serviceAway) {
		this.serviceAway = serviceAway;
	}

	/** New calls are refused with 503 while {@code takingCalls} says no (the application cannot keep their records now). */
	void takeCallsWhile(java.util.function.BooleanSupplier takingCalls) {
		this.takingCalls = takingCalls;
	}

	void onStatelessReply(Consumer<Response> consumer) {
		statelessReplies.add(consumer);
	}

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		String method = request.getMethod();
		if (Request.ACK.equals(method)) {
			dispatchAck(event);
			return;
		}
		if (!admission.tryEnter()) {
			overloaded(request);
			return;
		}
		if (Request.INVITE.equals(method) && ((javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME)).getTag() == null
				&& !takingCalls.getAsBoolean()) {
			admission.leave();
			overloaded(request);
			return;
		}
		try {
			ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
					: provider.getNewServerTransaction(request);
			RequestHandler handler = handlers.get(method);
			if (handler == null) {
				endpoint.respond(transaction, request, Response.METHOD_NOT_ALLOWED,
						response -> response.addHeader(endpoint.headers().createAllowHeader(String.join(", ", handlers.keySet()))));
				return;
			}
			handler.handle(event, transaction);
		}
		catch (TransactionAlreadyExistsException retransmission) {
			// the stack already answers retransmissions of a transaction we hold
		}
		catch (TransactionUnavailableException refused) {
			// the stack would not take the request on: an in-dialog request for a dialog we do not have
			// (481), a new request missing Max-Forwards (400); anything else (the stack was busy) gets no
			// answer, so the client retransmits rather than giving up on a 4xx it did not deserve
			log.debug("No transaction for {} from {}: {}", method, SipEndpoint.sourceOf(request).hostPort(), refused.getMessage());
			boolean inDialog = ((javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME)).getTag() != null;
			if (inDialog) {
				answerStatelessly(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			}
			else if (request.getHeader(javax.sip.header.MaxForwardsHeader.NAME) == null) {
				answerStatelessly(request, Response.BAD_REQUEST);
			}
		}
		catch (Exception ex) {
			boolean stateAway = serviceAway.test(ex);
			if (stateAway) {
				// a service is away: every request that needs it fails alike, so one line every 10 s says so
				this.stateAway.happened(n -> "A service CallDesk needs is unreachable: " + n + " requests answered 503 since the last report, "
						+ "the latest a " + method + ": " + rootCause(ex));
			}
			else {
				log.warn("{} from {} failed", method, SipEndpoint.sourceOf(request).hostPort(), ex);
			}
			try {
				if (stateAway) {
					RetryAfterHeader retryAfter = endpoint.headers().createRetryAfterHeader(5);
					endpoint.respond(event.getServerTransaction(), request, Response.SERVICE_UNAVAILABLE, response -> response.addHeader(retryAfter));
				}
				else {
					endpoint.respond(event.getServerTransaction(), request, Response.SERVER_INTERNAL_ERROR);
				}
			}
			catch (Exception ignored) {
				// the transaction is gone; the peer will time out
			}
		}
		finally {
			admission.leave();
		}
	}

	@Override
	public void processResponse(ResponseEvent event) {
		Object owner = event.getClientTransaction() != null ? event.getClientTransaction().getApplicationData()
				: event.getDialog() != null ? event.getDialog().getApplicationData() : null;
		try {
			if (owner instanceof ClientListener listener) {
				listener.onResponse(event);
			}
			else if (event.getClientTransaction() == null) {
				statelessReplies.forEach(consumer -> consumer.accept(event.getResponse()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Handling a {} failed", event.getResponse().getStatusCode(), ex);
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof ClientListener listener) {
			try {
				listener.onTimeout(event);
			}
			catch (RuntimeException ex) {
				log.warn("Handling a timeout failed", ex);
			}
		}
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.debug("SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
		// no per-transaction state is kept here
	}

	/**
	 * A 2xx we sent was never acknowledged (the caller gave up, or its ACK was lost for 32 s): the
	 * dialog's owner ends the call instead of leaving it up for nobody.
	 */
	@Override
	public void processDialogTimeout(DialogTimeoutEvent event) {
		if (event.getDialog() != null && event.getDialog().getApplicationData() instanceof ClientListener owner) {
			log.info("No ACK for our 2xx in dialog {} ({}): ending it", event.getDialog().getCallId().getCallId(), event.getReason());
			try {
				owner.onDialogTimeout();
			}
			catch (RuntimeException ex) {
				log.warn("Ending an unacknowledged dialog failed", ex);
			}
		}
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
		// dialogs belong to the B2BUA, which cleans its own calls
	}

	private void dispatchAck(RequestEvent event) {
		RequestHandler handler = handlers.get(Request.ACK);
		if (handler == null) {
			return;
		}
		try {
			handler.handle(event, null);
		}
		catch (Exception ex) {
			log.warn("ACK handling failed", ex);
		}
	}

	private void answerStatelessly(Request request, int status) {
		try {
			endpoint.respond(null, request, status);
		}
		catch (Exception ex) {
			log.debug("Could not send {}", status, ex);
		}
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

	private void overloaded(Request request) {
		overload.happened(n -> "SIP overloaded: " + n + " requests refused with 503 since the last report (" + admission.limit()
				+ " in progress is the limit, calldesk.sip.server.max-in-flight)");
		try {
			RetryAfterHeader retryAfter = endpoint.headers().createRetryAfterHeader(5);
			endpoint.respond(null, request, Response.SERVICE_UNAVAILABLE, response -> response.addHeader(retryAfter));
		}
		catch (Exception ex) {
			log.debug("Could not send 503", ex);
		}
	}
}
