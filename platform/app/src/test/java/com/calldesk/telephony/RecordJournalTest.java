package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.CallState;
import com.calldesk.sip.calls.PartyLeg;

class RecordJournalTest {

	@TempDir
	Path dir;

	final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	static CallSnapshot call(String id, CallState state) {
		Instant t = Instant.parse("2026-12-07T02:00:00Z");
		return new CallSnapshot(id, 7, "2001000", "INBOUND", "13800001111", "02161234567", 3L, "02161234567", null, "ss2001000ss0001", state,
				t, t.plusSeconds(1), state == CallState.ENDED ? null : t.plusSeconds(2), state == CallState.ENDED ? t.plusSeconds(9) : null,
				state == CallState.ENDED ? "CUSTOMER" : null, state == CallState.ENDED ? "customer-hangup" : null, 0, null, "node-a", null,
				List.of(new PartyLeg("AGENT", "ss2001000ss0001", t.plusSeconds(1), null, null)));
	}

	@Test
	void whatAKilledNodeLeftIsReadBackAsEachCallsLastStep() throws Exception {
		RecordJournal first = new RecordJournal(dir, "node-a", json);
		first.append("OPEN", 1, call("c1", CallState.OFFERED));
		first.append("UPDATE", 2, call("c1", CallState.ANSWERED));
		first.append("OPEN", 1, call("c2", CallState.OFFERED));
		first.append("CLOSE", 3, call("c2", CallState.ENDED));
		first.abandon(); // no commit, no close: the process is gone

		RecordJournal restarted = new RecordJournal(dir, "node-a", json);
		assertThat(restarted.leftOverSteps()).extracting(e -> e.call().callId() + ":" + e.kind() + ":" + e.call().state())
			.containsExactlyInAnyOrder("c1:UPDATE:ANSWERED", "c2:CLOSE:ENDED");
		assertThat(restarted.leftOverSteps().stream().filter(e -> e.call().callId().equals("c1")).findFirst().orElseThrow().call())
			.as("the snapshot comes back whole").isEqualTo(call("c1", CallState.ANSWERED));
		restarted.forgetLeftOver();
		restarted.close();
		assertThat(new RecordJournal(dir, "node-a", json).leftOverSteps()).as("replayed once").isEmpty();
	}

	@Test
	void aSecondProcessOfTheSameNodeKeepsAJournalOfItsOwn() throws Exception {
		RecordJournal running = new RecordJournal(dir, "node-a", json);
		running.append("OPEN", 1, call("c1", CallState.OFFERED));
		RecordJournal second = new RecordJournal(dir, "node-a", json);
		assertThat(second.leftOverSteps()).as("the running one's steps are not left over").isEmpty();
		second.append("OPEN", 1, call("c2", CallState.OFFERED));
		running.abandon();
		second.abandon();
		assertThat(new RecordJournal(dir, "node-a", json).leftOverSteps()).extracting(e -> e.call().callId()).containsExactly("c1");
	}

	@Test
	void aLineCutShortByTheKillIsSkippedAndTheCallsEarlierStepStands() throws Exception {
		RecordJournal first = new RecordJournal(dir, "node-a", json);
		first.append("OPEN", 1, call("c1", CallState.OFFERED));
		first.abandon();
		Path segment;
		try (var files = Files.list(dir)) {
			segment = files.filter(f -> f.toString().endsWith(".journal")).findFirst().orElseThrow();
		}
		Files.writeString(segment, "{\"kind\":\"UPDATE\",\"seq\":2,\"call\":{\"callId\":\"c1\",\"tena", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		assertThat(new RecordJournal(dir, "node-a", json).leftOverSteps()).extracting(RecordJournal.Entry::kind).containsExactly("OPEN");
	}

	@Test
	void stepsCommittedLeaveNothingBehindAndAnotherNodesJournalIsNotOurs() throws Exception {
		RecordJournal other = new RecordJournal(dir, "node-b", json);
		other.append("OPEN", 1, call("b1", CallState.OFFERED));
		other.abandon();
		RecordJournal journal = new RecordJournal(dir, "node-a", json);
		journal.append("OPEN", 1, call("c1", CallState.OFFERED)).committed();
		journal.append("CLOSE", 2, call("c1", CallState.ENDED)).committed();
		journal.close();
		RecordJournal restarted = new RecordJournal(dir, "node-a", json);
		assertThat(restarted.leftOverSteps()).isEmpty();
		assertThat(new RecordJournal(dir, "node-b", json).leftOverSteps()).extracting(e -> e.call().callId()).containsExactly("b1");
	}
}
