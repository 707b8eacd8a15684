package com.calldesk.sip.calls;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The calls this node carries now; a call leaves it on its one end path. */
public final class ActiveCalls {

	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	void add(Call call) {
		calls.put(call.id(), call);
	}

	void remove(Call call) {
		calls.remove(call.id());
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
