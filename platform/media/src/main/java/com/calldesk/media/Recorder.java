package com.calldesk.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that decodes and writes every recording, fed by the relay threads through a bounded
 * queue. Each relay thread hands over the audio of one selector turn as one batch. The relays never
 * wait for a disk: when the queue is full the batch is dropped (and counted) instead. Handing over
 * wakes nobody: the writer drains the queue, and when it finds it empty it sleeps for
 * {@link #IDLE_MILLIS} (recordings are written half a second behind anyway), so a packet costs the
 * relay no system call and no contended memory write for the recorder. Finishing a recording does not go through the
 * queue, so it cannot be dropped; it waits instead until the writer has taken every chunk of that
 * recording offered before it.
 */
final class Recorder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Recorder.class);

	/** About a second of audio for 1,000 calls (66,000 chunks a second at 30 ms); only a stalled disk fills it. */
	static final int QUEUE = 65536;

	private static final long TICK_MILLIS = 100;

	private static final long IDLE_MILLIS = 20;

	/** Chunks written before the count of queued chunks is updated. */
	private static final int BATCH = 512;

	record Chunk(Recording target, int channel, int ssrc, long timestamp, int payloadType, byte[] payload, long arrivalNanos) {
	}

	private record Finish(Recording target, long ticket) {
	}

	private final int capacity;

	private final ConcurrentLinkedQueue<List<Chunk>> queue = new ConcurrentLinkedQueue<>();

	/** Chunks in the queue (an upper bound while the writer is in the middle of a batch). */
	private final AtomicInteger queued = new AtomicInteger();

	private final ConcurrentLinkedQueue<Finish> finishing = new ConcurrentLinkedQueue<>();

	private final LongAdder drops = new LongAdder();

	/** Recordings that have had audio and are not finished; recorder thread only. */
	private final List<Recording> active = new ArrayList<>();

	private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);

	private final Thread thread;

	private volatile boolean running = true;

	Recorder(int capacity) {
		this.capacity = capacity;
		thread = new Thread(this::run, "media-recorder");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Hands a batch of audio to the writer, which owns the list from then on; false (and counted)
	 * when the queue has no room for all of it. All chunks of one recording must come from one thread
	 * (its session's relay thread).
	 */
	boolean offer(List<Chunk> batch) {
		int size = batch.size();
		if (queued.addAndGet(size) > capacity) {
			queued.addAndGet(-size);
			drops.add(size);
			return false;
		}
		queue.add(batch);
		for (int i = 0; i < size; i++) {
			batch.get(i).target().offered();
		}
		return true;
	}

	/**
	 * Ends a recording once every chunk of it offered so far is written. The caller must make sure no
	 * more chunks of it are offered after this (the session closes its sockets first).
	 */
	CompletableFuture<Path> finish(Recording recording) {
		finishing.add(new Finish(recording, recording.offeredCount()));
		LockSupport.unpark(thread);
		return recording.finished();
	}

	long drops() {
		return drops.sum();
	}

	private void run() {
		long nextTick = System.nanoTime();
		while (running || !queue.isEmpty()) {
			try {
				int taken = 0;
				List<Chunk> batch;
				while (taken < BATCH && (batch = queue.poll()) != null) {
					for (int i = 0; i < batch.size(); i++) {
						Chunk chunk = batch.get(i);
						chunk.target().taken();
						write(chunk);
					}
					taken += batch.size();
				}
				if (taken > 0) {
					queued.addAndGet(-taken);
				}
				if (!finishing.isEmpty()) {
					finishDue();
				}
				long now = System.nanoTime();
				if (now - nextTick >= 0) {
					nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS * 2);
					active.removeIf(Recording::isDone);
					for (Recording recording : active) {
						recording.tick(now, scratch);
					}
				}
				if (taken == 0 && running) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
				}
			}
			catch (RuntimeException e) {
				log.error("recorder failed on one item; carrying on", e);
			}
		}
		finishing.forEach(finish -> finish.target().finish(scratch));
		active.forEach(recording -> recording.finish(scratch));
	}

	private void write(Chunk chunk) {
		Recording target = chunk.target();
		if (target.isDone()) {
			return;
		}
		if (target.activate()) {
			active.add(target);
		}
		if (target.add(chunk, scratch)) {
			target.finish(scratch);
		}
	}

	private void finishDue() {
		for (Iterator<Finish> pending = finishing.iterator(); pending.hasNext();) {
			Finish finish = pending.next();
			if (finish.target().takenCount() >= finish.ticket()) {
				finish.target().finish(scratch);
				pending.remove();
			}
		}
	}

	@Override
	public void close() {
		running = false;
		LockSupport.unpark(thread);
		try {
			thread.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
