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
import com.calldesk.journal.OrderedWrites;
import com.calldesk.journal.Write;
import com.calldesk.sip.calls.CallLifecycle;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallStep;
import com.calldesk.sip.calls.VoicemailMessage;
import com.calldesk.voicemail.VoicemailBox;

/**
 * Keeps each call's record in its tenant's schema at every step and publishes the typed CTI event of
 * the step, numbered per call, after recording where the call lives ({@link LiveCalls}) so a command or
 * a desktop that reconnects finds it. Nothing here waits on the database or the network: on the SIP
 * thread a step is numbered, appended to the node's {@link RecordJournal} (so a node killed mid-call
 * leaves every step to replay) and queued on {@link OrderedWrites}, whose lanes write the record and
 * then publish the event, in order per call.
 */
@Component
class CallLog implements CallLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CallLog.class);

	private final CallRecords records;

	private final RecordJournal journal;

	private final OrderedWrites writes;

	private final CtiBus events;

	private final VoicemailBox voicemails;

	private final LiveCalls live;

	private final Clock clock;

	/** What the log knows of each call of this node beyond its snapshot; dropped when the call ends. */
	private final Map<String, Tracked> calls = new ConcurrentHashMap<>();

	CallLog(CallRecords records, RecordJournal journal, OrderedWrites writes, CtiBus events, VoicemailBox voicemails, LiveCalls live,
			Clock clock) {
		this.records = records;
		this.journal = journal;
		this.writes = writes;
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

	/** The call's own steps: each is recorded and published; the seats' steps are the ACD's. */
	@Override
	public void on(CallStep step) {
		CallSnapshot call = step.call();
		if (step instanceof CallStep.Offered) {
			offered(call);
		}
		else if (step instanceof CallStep.Ringing) {
			ringing(call);
		}
		else if (step instanceof CallStep.Queued queued && !queued.again()) {
			queued(call);
		}
		else if (step instanceof CallStep.Answered) {
			answered(call);
		}
		else if (step instanceof CallStep.Ended) {
			ended(call);
		}
		else if (step instanceof CallStep.Transferring) {
			transferring(call);
		}
		else if (step instanceof CallStep.Consulting consulting) {
			consulting(call, consulting.consultedSeat());
		}
		else if (step instanceof CallStep.ConsultEnded ended) {
			consultEnded(call, ended.consultedSeat());
		}
		else if (step instanceof CallStep.Held) {
			held(call);
		}
		else if (step instanceof CallStep.Resumed) {
			resumed(call);
		}
		else if (step instanceof CallStep.Transferred) {
			transferred(call);
		}
		else if (step instanceof CallStep.VoicemailLeft left) {
			voicemailLeft(call, left.message());
		}
	}

	private void offered(CallSnapshot call) {
		step(call, RecordStep.Kind.OPEN, CallEvent.CallOffered::new);
	}

	private void ringing(CallSnapshot call) {
		// a queued caller still waits while a phone rings for it; to the seat rung, the call rings
		step(call, RecordStep.Kind.UPDATE, (seq, at, view) -> new CallEvent.CallRinging(seq, at,
				view.phase() == CallPhase.QUEUED ? view.withPhase(CallPhase.RINGING) : view));
	}

	private void queued(CallSnapshot call) {
		step(call, RecordStep.Kind.UPDATE, CallEvent.CallQueued::new);
	}

	private void answered(CallSnapshot call) {
		step(call, RecordStep.Kind.UPDATE, CallEvent.CallAnswered::new);
	}

	private void ended(CallSnapshot call) {
		step(call, RecordStep.Kind.CLOSE, CallEvent.CallEnded::new);
		calls.remove(call.callId());
	}

	private void transferring(CallSnapshot call) {
		tracked(call).held = false;
		step(call, RecordStep.Kind.UPDATE, CallEvent.CallTransferring::new);
	}

	private void consulting(CallSnapshot call, String consultedSeat) {
		Tracked tracked = tracked(call);
		tracked.held = false;
		tracked.consultingSeat = consultedSeat;
		step(call, null, CallEvent.ConsultAnswered::new);
	}

	private void consultEnded(CallSnapshot call, String consultedSeat) {
		tracked(call).consultingSeat = null;
		step(call, null, CallEvent.CallResumed::new);
	}

	private void held(CallSnapshot call) {
		tracked(call).held = true;
		step(call, null, CallEvent.CallHeld::new);
	}

	private void resumed(CallSnapshot call) {
		tracked(call).held = false;
		step(call, null, CallEvent.CallResumed::new);
	}

	private void transferred(CallSnapshot call) {
		Tracked tracked = tracked(call);
		tracked.held = false;
		tracked.consultingSeat = null;
		step(call, RecordStep.Kind.UPDATE, CallEvent.CallTransferred::new);
	}

	private void voicemailLeft(CallSnapshot call, VoicemailMessage message) {
		boolean[] filed = new boolean[1];
		writes.submit(new Write.Plain(call.callId(), call.tenantId(), () -> filed[0] = voicemails.file(call, message).isPresent(), () -> {
			if (filed[0]) {
				publish(event(call, CallEvent.VoicemailLeft::new));
			}
		}));
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

	private void step(CallSnapshot call, RecordStep.Kind write, Step step) {
		CallEvent event = event(call, step);
		if (write == null) {
			writes.submit(Write.ordered(call.callId(), call.tenantId(), () -> publish(event)));
			return;
		}
		RecordJournal.Segment journaled = journal.append(write.name(), event.seq(), call);
		writes.submit(RecordStep.of(records, write, call, journaled, () -> publish(event)));
	}

	private CallEvent event(CallSnapshot call, Step step) {
		Tracked tracked = call.state() == com.calldesk.sip.calls.CallState.ENDED ? calls.getOrDefault(call.callId(), new Tracked()) : tracked(call);
		CallView view = CallViews.of(call, tracked.held, tracked.consultingSeat);
		return step.of(tracked.seq.incrementAndGet(), clock.instant(), view);
	}

	private void publish(CallEvent event) {
		CallView view = event.call();
		try {
			if (view.phase() != CallPhase.ENDED) {
				live.put(event);
			}
			else {
				live.ended(view.tenantId(), view.callId());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Where call {} lives not recorded", view.callId(), ex);
		}
		try {
			events.publish(event);
		}
		catch (RuntimeException ex) {
			log.warn("A listener of {} failed", event.getClass().getSimpleName(), ex);
		}
	}
}
