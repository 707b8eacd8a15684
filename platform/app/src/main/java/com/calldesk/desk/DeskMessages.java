package com.calldesk.desk;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.calldesk.acd.DeskAgent;
import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallView;
import com.calldesk.calls.CtiJson;

/**
 * The JSON the page reads from its socket: each CTI event as {@link CtiJson} writes it (its type, seq,
 * time and call), with the screen pop beside the call when the event rings or answers; the agent as
 * {@link DeskAgent}; and the snapshot a (re)connected page starts from.
 */
final class DeskMessages {

	private static final JsonMapper JSON = CtiJson.mapper();

	private DeskMessages() {
	}

	record Snapshot(String type, Instant serverTime, DeskAgent agent, List<SnapshotCall> calls) {

		Snapshot(Instant serverTime, DeskAgent agent, List<SnapshotCall> calls) {
			this("Snapshot", serverTime, agent, calls);
		}
	}

	record SnapshotCall(CallView call, long seq, ScreenPop pop) {
	}

	record AgentMessage(String type, long tenantId, long seq, Instant at, DeskAgent agent) {
	}

	static String event(CallEvent event, ScreenPop pop) {
		ObjectNode node = JSON.valueToTree(event);
		if (pop != null) {
			node.set("pop", JSON.valueToTree(pop));
		}
		return JSON.writeValueAsString(node);
	}

	static String agent(long tenantId, long seq, Instant at, DeskAgent agent) {
		return JSON.writeValueAsString(new AgentMessage("AgentStateChanged", tenantId, seq, at, agent));
	}

	/** One seat's change for the monitor wall; the wall knows the seat's number and its day already. */
	static String wallSeat(long tenantId, long seq, Instant at, DeskAgent agent) {
		return JSON.writeValueAsString(new AgentMessage("WallSeatChanged", tenantId, seq, at, agent));
	}

	record WallWatching(String type, Instant serverTime) {
	}

	static String wallWatching(Instant serverTime) {
		return JSON.writeValueAsString(new WallWatching("WallWatching", serverTime));
	}

	/** As CtiJson writes it: {@code "type":"CallbackTaskChanged"} and the task's fields. */
	static String callback(com.calldesk.calls.CallbackTaskChanged event) {
		return JSON.writeValueAsString(JSON.valueToTree((com.calldesk.calls.CtiEvent) event));
	}

	static String snapshot(Snapshot snapshot) {
		return JSON.writeValueAsString(snapshot);
	}
}
