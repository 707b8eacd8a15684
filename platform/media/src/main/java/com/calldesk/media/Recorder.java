package com.calldesk.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that decodes and writes every recording, fed by the relay thread through a bounded
 * queue. The relay never waits for a disk: when the queue is full the audio is dropped (and counted)
 * instead. Finishing a recording does not go through the queue, so it cannot be dropped; it waits
 * instead until the writer has taken every chunk offered before it.
 */
final class Recorder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Recorder.class);

	/** About 40 s of audio for 100 calls; only a stalled disk fills it. */
	static final int QUEUE = 32768;

	private static final long TICK_MILLIS = 100;

	/** Wakes the writer for pending finishes without being audio itself. */
	private static final Object WAKE = new Object();

	record Chunk(Recording target, int channel, int ssrc, long timestamp, int payloadType, byte[] payload, long arrivalNanos) {
	}

	private record Finish(Recording target, long ticket) {
	}

	private final BlockingQueue<Object> queue;

	private final ConcurrentLinkedQueue<Finish> finishing = new ConcurrentLinkedQueue<>();

	private final LongAdder drops = new LongAdder();

	/** Chunks accepted into the queue; written by the relay thread only. */
	private volatile long offered;

	/** Chunks taken out; recorder thread only. */
	private long taken;

	private final Set<Recording> active = new HashSet<>();

	private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);

	private final Thread thread;

	private volatile boolean running = true;

	Recorder(int capacity) {
		queue = new ArrayBlockingQueue<>(capacity);
		thread = new Thread(this::run, "media-recorder");
		thread.setDaemon(true);
		thread.start();
	}

	/** Relay thread only. */
	void offer(Chunk chunk) {
		if (queue.offer(chunk)) {
			offered++;
		}
		else {
			drops.increment();
		}
	}

	/**
	 * Ends a recording once everything offered so far is written. The caller must make sure no more
	 * chunks of it are offered after this (the relay closes the sockets first).
	 */
	CompletableFuture<Path> finish(Recording recording) {
		finishing.add(new Finish(recording, offered));
		queue.offer(WAKE);
		return recording.finished();
	}

	long drops() {
		return drops.sum();
	}

	private void run() {
		long nextTick = System.nanoTime();
		while (running || !queue.isEmpty()) {
			Object item;
			try {
				item = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				break;
			}
			try {
				if (item instanceof Chunk chunk) {
					taken++;
					write(chunk);
				}
				finishDue();
				long now = System.nanoTime();
				if (now - nextTick >= 0) {
					nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS * 2);
					active.removeIf(Recording::isDone);
					active.forEach(recording -> recording.tick(now, scratch));
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
		active.add(target);
		if (target.add(chunk, scratch)) {
			target.finish(scratch);
		}
	}

	private void finishDue() {
		finishing.removeIf(finish -> {
			if (taken < finish.ticket()) {
				return false;
			}
			finish.target().finish(scratch);
			return true;
		});
	}

	@Override
	public void close() {
		running = false;
		queue.offer(WAKE);
		try {
			thread.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
