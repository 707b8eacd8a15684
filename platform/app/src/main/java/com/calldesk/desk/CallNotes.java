package com.calldesk.desk;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The service note (服务备注) on a call: read, and saved whole on every autosave. The note is its own
 * row, not a column of the call record, so saving it never races the telephony core's writes of the
 * record (a call ending while the agent types loses nothing) and a note can be written after the end.
 */
@Service
class CallNotes {

	/** What {@code call_note.text} holds; the page counts down to it. */
	static final int MAX_LENGTH = 4000;

	private final OwnCalls calls;

	private final CallNoteMapper notes;

	private final Today today;

	CallNotes(OwnCalls calls, CallNoteMapper notes, Today today) {
		this.calls = calls;
		this.notes = notes;
		this.today = today;
	}

	CallNote of(String callId) {
		calls.require(callId);
		return Optional.ofNullable(notes.find(callId)).orElseGet(() -> CallNote.none(callId));
	}

	/** Creates or replaces the note; returns it as stored (times to the millisecond). */
	CallNote save(String callId, String text, String by) {
		calls.require(callId);
		notes.save(callId, text, today.now(), by);
		return notes.find(callId);
	}
}
