package com.calldesk.telephony;

import java.util.ArrayList;
import java.util.List;

import com.calldesk.journal.Write;
import com.calldesk.sip.calls.CallSnapshot;

/**
 * A call record's write at one step of the call (or, merged, at several): inserted when the call was
 * offered, updated, closed with its legs and charge when it ended. Journaled before it is queued, and
 * its journal entries retired once it is committed. Applied again after a failure, it stays correct:
 * the insert becomes an update when the row is there, and a record already closed is not closed twice.
 */
final class RecordStep implements Write {

	enum Kind {
		OPEN, UPDATE, CLOSE
	}

	private final CallRecords records;

	private final boolean opens;

	private final CallSnapshot latest;

	private final boolean closes;

	private final List<RecordJournal.Segment> journaled;

	private final Runnable after;

	private int attempts;

	private RecordStep(CallRecords records, boolean opens, CallSnapshot latest, boolean closes, List<RecordJournal.Segment> journaled,
			Runnable after) {
		this.records = records;
		this.opens = opens;
		this.latest = latest;
		this.closes = closes;
		this.journaled = journaled;
		this.after = after;
	}

	static RecordStep of(CallRecords records, Kind kind, CallSnapshot call, RecordJournal.Segment journaled, Runnable after) {
		List<RecordJournal.Segment> segments = new ArrayList<>(1);
		if (journaled != null) {
			segments.add(journaled);
		}
		return new RecordStep(records, kind == Kind.OPEN, call, kind == Kind.CLOSE, segments, after);
	}

	@Override
	public String key() {
		return latest.callId();
	}

	@Override
	public long tenantId() {
		return latest.tenantId();
	}

	@Override
	public void apply() {
		boolean again = attempts++ > 0;
		if (opens) {
			records.openOrUpdate(latest);
		}
		if (closes) {
			if (again) {
				records.closeOnce(latest);
			}
			else {
				records.close(latest);
			}
		}
		else if (!opens) {
			records.update(latest);
		}
	}

	@Override
	public void after() {
		after.run();
	}

	@Override
	public void committed() {
		journaled.forEach(RecordJournal.Segment::committed);
	}

	@Override
	public Write absorb(Write later) {
		if (!(later instanceof RecordStep step) || closes) {
			return null;
		}
		List<RecordJournal.Segment> segments = new ArrayList<>(journaled);
		segments.addAll(step.journaled);
		RecordStep merged = new RecordStep(records, opens || step.opens, step.latest, step.closes, segments, () -> {
		});
		merged.attempts = Math.max(attempts, step.attempts);
		return merged;
	}

	@Override
	public String toString() {
		return "call record " + latest.callId() + " at " + latest.state() + (opens ? " (new)" : "");
	}
}
