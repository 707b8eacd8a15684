package com.calldesk.center;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export as its user follows it: how many rows it will write, how many it has, and the file once
 * it is whole. Only its own user (in its own tenant) ever sees it.
 */
final class ExportJob {

	enum State {
		WAITING, WRITING, DONE, FAILED, CANCELLED
	}

	final String id;

	final long tenantId;

	final long userId;

	final String fileName;

	final Path file;

	final Instant startedAt;

	final AtomicLong written = new AtomicLong();

	private volatile long total = -1;

	private volatile State state = State.WAITING;

	private volatile Instant finishedAt;

	ExportJob(String id, long tenantId, long userId, String fileName, Path file, Instant startedAt) {
		this.id = id;
		this.tenantId = tenantId;
		this.userId = userId;
		this.fileName = fileName;
		this.file = file;
		this.startedAt = startedAt;
	}

	boolean isOf(long tenant, long user) {
		return tenantId == tenant && userId == user;
	}

	State state() {
		return state;
	}

	long total() {
		return total;
	}

	Instant finishedAt() {
		return finishedAt;
	}

	/** Starts writing unless cancelled while it waited: a cancel must never be undone by a late start. */
	synchronized boolean writing(long rows) {
		if (state != State.WAITING) {
			return false;
		}
		total = rows;
		state = State.WRITING;
		return true;
	}

	/** Ends the job unless it has ended already (a cancel wins over a late finish). */
	synchronized boolean finish(State end, Instant at) {
		if (state == State.CANCELLED || state == State.DONE || state == State.FAILED) {
			return false;
		}
		state = end;
		finishedAt = at;
		return true;
	}

	boolean cancelled() {
		return state == State.CANCELLED;
	}

	boolean running() {
		return state == State.WAITING || state == State.WRITING;
	}

	/** What the page shows: progress 0–100, and the file's name once it can be downloaded. */
	record Progress(String id, String state, long total, long written, int percent, String fileName, Instant startedAt,
			Instant finishedAt) {
	}

	Progress progress() {
		long rows = written.get();
		long all = total;
		int percent = state == State.DONE ? 100 : all <= 0 ? 0 : (int) Math.min(99, rows * 100 / all);
		return new Progress(id, state.name(), Math.max(all, 0), rows, percent, fileName, startedAt, finishedAt);
	}
}
