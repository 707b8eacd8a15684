package com.calldesk.telephony;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallPhase;
import com.calldesk.calls.CallView;
import com.calldesk.calls.CtiBus;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.CallObserver;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.VoicemailMessage;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.voicemail.VoicemailBox;

/**
 * Writes each call's record in its tenant's schema at every step — inserted when the call is
 * offered, before any phone rings, so a node that dies mid-call leaves a record to close — and
 * publishes the typed CTI event of the step, numbered per call, after recording where the call lives
 * ({@link LiveCalls}) so a command or a desktop that reconnects finds it.
 */
@Component
class CallLog implements CallObserver {

	private static final Logger log = LoggerFactory.getLogger(CallLog.class);

	private final CallRecords records;

	private final TenantDirectory tenants;

	private final CtiBus events;

	private final VoicemailBox voicemails;

	private final LiveCalls live;

	private final Clock clock;

	/** What the log knows of each call of this node beyond its snapshot; dropped when the call ends. */
	private final Map<String, Tracked> calls = new ConcurrentHashMap<>();

	CallLog(CallRecords records, TenantDirectory tenants, CtiBus events, VoicemailBox voicemails, LiveCalls live, Clock clock) {
		this.records = records;
		this.tenants = tenants;
		this.events = events;
		this.voicemails = voicemails;
		this.live = live;
		this.clock = clock;
	}

	private static final class Tracked {

		final AtomicLong seq = new AtomicLong();

		volatile boolean held;

		volatile String consultingSeat;
	}

	@Override
	public void offered(CallSnapshot call) {
		step(call, () -> records.open(call), CallEvent.CallOffered::new);
	}

	@Override
	public void ringing(CallSnapshot call) {
		// a queued caller still waits while a phone rings for it; to the seat rung, the call rings
		step(call, () -> records.update(call), (seq, at, view) -> new CallEvent.CallRinging(seq, at,
				view.phase() == CallPhase.QUEUED ? view.withPhase(CallPhase.RINGING) : view));
	}

	@Override
	public void queued(CallSnapshot call) {
		step(call, () -> records.update(call), CallEvent.CallQueued::new);
	}

	@Override
	public void answered(CallSnapshot call) {
		step(call, () -> records.update(call), CallEvent.CallAnswered::new);
	}

	@Override
	public void ended(CallSnapshot call) {
		step(call, () -> records.close(call), CallEvent.CallEnded::new);
		calls.remove(call.callId());
		live.ended(call.tenantId(), call.callId());
	}

	@Override
	public void transferring(CallSnapshot call) {
		tracked(call).held = false;
		step(call, () -> records.update(call), CallEvent.CallTransferring::new);
	}

	@Override
	public void consulting(CallSnapshot call, String consultedSeat) {
		Tracked tracked = tracked(call);
		tracked.held = false;
		tracked.consultingSeat = consultedSeat;
		step(call, null, CallEvent.ConsultAnswered::new);
	}

	@Override
	public void consultEnded(CallSnapshot call, String consultedSeat) {
		tracked(call).consultingSeat = null;
		step(call, null, CallEvent.CallResumed::new);
	}

	@Override
	public void held(CallSnapshot call) {
		tracked(call).held = true;
		step(call, null, CallEvent.CallHeld::new);
	}

	@Override
	public void resumed(CallSnapshot call) {
		tracked(call).held = false;
		step(call, null, CallEvent.CallResumed::new);
	}

	@Override
	public void transferred(CallSnapshot call) {
		Tracked tracked = tracked(call);
		tracked.held = false;
		tracked.consultingSeat = null;
		step(call, () -> records.update(call), CallEvent.CallTransferred::new);
	}

	@Override
	public void voicemailLeft(CallSnapshot call, VoicemailMessage message) {
		try {
			if (TenantContext.call(tenants.scopeOf(tenants.require(call.tenantId())), () -> voicemails.file(call, message)).isEmpty()) {
				return;
			}
		}
		catch (RuntimeException ex) {
			log.error("Voicemail {} of call {} of tenant {} not filed", message.file(), call.callId(), call.tenantCode(), ex);
			return;
		}
		step(call, null, CallEvent.VoicemailLeft::new);
	}

	@FunctionalInterface
	private interface Step {

		CallEvent of(long seq, java.time.Instant at, CallView call);
	}

	/** A snapshot as the events show it, with what only the log knows (hold, consultation). */
	CallView viewOf(CallSnapshot call) {
		Tracked tracked = calls.getOrDefault(call.callId(), new Tracked());
		return CallViews.of(call, tracked.held, tracked.consultingSeat);
	}

	private Tracked tracked(CallSnapshot call) {
		// a voicemail filed after the end, or a step of a call this log never saw offered, numbers on from a fresh tracker
		return calls.computeIfAbsent(call.callId(), id -> new Tracked());
	}

	private void step(CallSnapshot call, Runnable write, Step step) {
		if (write != null) {
			try {
				TenantContext.run(tenants.scopeOf(tenants.require(call.tenantId())), write);
			}
			catch (RuntimeException ex) {
				log.error("Call record {} of tenant {} not written at {}", call.callId(), call.tenantCode(), call.state(), ex);
			}
		}
		Tracked tracked = call.state() == com.calldesk.sip.calls.CallState.ENDED ? calls.getOrDefault(call.callId(), new Tracked()) : tracked(call);
		CallView view = CallViews.of(call, tracked.held, tracked.consultingSeat);
		CallEvent event = step.of(tracked.seq.incrementAndGet(), clock.instant(), view);
		if (view.phase() != CallPhase.ENDED) {
			live.put(event);
		}
		try {
			events.publish(event);
		}
		catch (RuntimeException ex) {
			log.warn("A listener of {} failed", event.getClass().getSimpleName(), ex);
		}
	}
}
