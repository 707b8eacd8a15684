package com.calldesk.sip.calls;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this node carries now, and the seats on them; a call leaves on its one end path. Seats are
 * counted as calls take them, so asking whether a seat is busy costs nothing however many calls run.
 */
public final class ActiveCalls {

	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	private final Map<String, Integer> seatsOnCalls = new ConcurrentHashMap<>();

	void add(Call call) {
		calls.put(call.id(), call);
	}

	/**
	 * Gives the call its seat (a call rung at the next seat moves from the last one) unless the call
	 * has already ended: then nothing is counted and false is returned.
	 */
	boolean assign(Call call, String seat) {
		synchronized (call) {
			if (call.state() == CallState.ENDED) {
				return false;
			}
			String before = call.seat();
			if (before != null) {
				seatsOnCalls.computeIfPresent(before, (s, n) -> n <= 1 ? null : n - 1);
			}
			call.seat(seat);
			seatsOnCalls.merge(seat, 1, Integer::sum);
			return true;
		}
	}

	/** The call no longer has a seat (a transfer to a number, or one that failed): the seat is counted free of it. */
	void release(Call call) {
		synchronized (call) {
			String before = call.seat();
			if (before != null) {
				seatsOnCalls.computeIfPresent(before, (s, n) -> n <= 1 ? null : n - 1);
			}
			call.seat(null);
		}
	}

	/** The call whose agent-side dialog has this SIP Call-ID (what a REFER's Replaces names). */
	Call byAgentDialog(String sipCallId) {
		for (Call call : calls.values()) {
			javax.sip.Dialog dialog;
			synchronized (call) {
				dialog = call.dialogOf(Leg.AGENT);
			}
			if (dialog != null && dialog.getCallId() != null && sipCallId.equals(dialog.getCallId().getCallId())) {
				return call;
			}
		}
		return null;
	}

	Call get(String callId) {
		return calls.get(callId);
	}

	void remove(Call call) {
		if (calls.remove(call.id()) == null) {
			return;
		}
		String seat;
		synchronized (call) {
			seat = call.seat();
		}
		if (seat != null) {
			seatsOnCalls.computeIfPresent(seat, (s, n) -> n <= 1 ? null : n - 1);
		}
	}

	/** Whether this node carries the call now. */
	public boolean carries(String callId) {
		return get(callId) != null;
	}

	public boolean onCall(String seat) {
		return seatsOnCalls.containsKey(seat);
	}

	public int size() {
		return calls.size();
	}

	public List<CallSnapshot> snapshots() {
		return calls.values().stream().map(Call::snapshot).toList();
	}

	Collection<Call> all() {
		return List.copyOf(calls.values());
	}
}
