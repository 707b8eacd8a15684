package com.calldesk.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay thread: a selector over the sockets of the sessions assigned to it. A relay has several
 * (one per core by default); a session stays on the thread it was given at open, so the packets of a
 * call are handled in order by one thread. Registering sockets and freeing their ports also happens
 * here, as tasks, because a socket registered with a selector is only really closed (its port free)
 * once its own selector has dropped it.
 */
final class Forwarder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

	private final int index;

	private final Selector selector;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	/** Closed sockets whose ports wait for the selector to drop them; relay thread only. */
	private final List<PendingRelease> releases = new ArrayList<>();

	/** Reused for every packet; direct, so receive and send need no copy through a temporary buffer. */
	private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);

	private final Thread thread;

	private final AtomicInteger sessions = new AtomicInteger();

	/** Packets received from a latched (or latching) side; written by the relay thread only. */
	private volatile long packets;

	/** Packets a send did not take (full socket buffer, or an error); the prompts thread sends too. */
	private final LongAdder sendFailures = new LongAdder();

	/** Audio this thread could not hand to the recorder because its queue was full. */
	private final LongAdder recordingDrops = new LongAdder();

	/** Audio of this selector turn, handed to the recorder in one go after it; relay thread only. */
	private List<Recorder.Chunk> recordBatch = new ArrayList<>();

	private final Recorder recorder;

	private volatile boolean running = true;

	private record PendingRelease(Leg[] legs, CompletableFuture<Void> done) {
	}

	Forwarder(int index, Recorder recorder) {
		this.index = index;
		this.recorder = recorder;
		try {
			selector = Selector.open();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the RTP selector", e);
		}
		thread = new Thread(this::run, "media-relay-" + index);
		thread.setDaemon(true);
		thread.start();
	}

	int index() {
		return index;
	}

	String threadName() {
		return thread.getName();
	}

	/** Sessions assigned to this thread and not closed yet. */
	int sessions() {
		return sessions.get();
	}

	long packets() {
		return packets;
	}

	long sendFailures() {
		return sendFailures.sum();
	}

	long recordingDrops() {
		return recordingDrops.sum();
	}

	void sendFailed() {
		sendFailures.increment();
	}

	/** Relay thread only: audio for the recorder, handed over at the end of this selector turn. */
	void record(Recorder.Chunk chunk) {
		recordBatch.add(chunk);
	}

	private void handOverRecording() {
		if (recordBatch.isEmpty()) {
			return;
		}
		List<Recorder.Chunk> batch = recordBatch;
		recordBatch = new ArrayList<>(Math.max(16, batch.size()));
		if (!recorder.offer(batch)) {
			recordingDrops.add(batch.size());
		}
	}

	/** Counts the session as this thread's at once (for least-loaded assignment), registers it on the thread. */
	void assign(Leg... legs) {
		sessions.incrementAndGet();
		execute(() -> {
			for (Leg leg : legs) {
				try {
					leg.channel().register(selector, SelectionKey.OP_READ, leg);
				}
				catch (ClosedChannelException closedMeanwhile) {
					// the session was closed before it was ever registered
				}
			}
		});
	}

	/**
	 * Closes the sockets at once, from the calling thread: nothing more is received or sent on them.
	 * Their ports are freed by this relay thread once its selector has dropped them, at its next turn;
	 * the future completes then. The caller may wait for it, but need not: a busy relay thread frees
	 * the ports a little later, never too early.
	 */
	CompletableFuture<Void> close(Leg... legs) {
		for (Leg leg : legs) {
			closeQuietly(leg);
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		if (!running) {
			done.complete(null);
			return done;
		}
		sessions.decrementAndGet();
		execute(() -> releases.add(new PendingRelease(legs, done)));
		return done;
	}

	void execute(Runnable task) {
		tasks.add(task);
		if (Thread.currentThread() != thread) {
			selector.wakeup();
		}
	}

	private void run() {
		while (running) {
			try {
				selector.select(this::readable, 1000);
			}
			catch (IOException | RuntimeException e) {
				log.error("RTP selector failed; carrying on", e);
			}
			handOverRecording();
			runTasks();
		}
		runTasks();
		handOverRecording();
		try {
			selector.close();
		}
		catch (IOException e) {
			log.debug("closing the selector", e);
		}
		releases.forEach(release -> release.done().complete(null));
	}

	private void runTasks() {
		// ports of sockets closed before the select that just returned: that select dropped their keys
		releases.removeIf(Forwarder::releaseIfDropped);
		Runnable task;
		while ((task = tasks.poll()) != null) {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.error("relay task failed", e);
			}
		}
		if (!releases.isEmpty()) {
			// cancelled keys are dropped (and the file descriptors closed) by a select; do one now
			try {
				selector.selectNow(this::readable);
			}
			catch (IOException e) {
				log.warn("selector failed while closing sockets", e);
			}
			handOverRecording();
			releases.removeIf(Forwarder::releaseIfDropped);
		}
	}

	private static boolean releaseIfDropped(PendingRelease release) {
		for (Leg leg : release.legs()) {
			if (leg.channel().isRegistered()) {
				return false;
			}
		}
		release.done().complete(null);
		return true;
	}

	/**
	 * One packet per readable socket per turn: the selector is level-triggered, so a socket with more
	 * waiting comes back at the next turn, and no receive is spent finding a socket empty.
	 */
	private void readable(SelectionKey key) {
		Leg leg = (Leg) key.attachment();
		buffer.clear();
		SocketAddress from;
		try {
			from = leg.channel().receive(buffer);
		}
		catch (IOException e) {
			log.debug("receive on {} failed: {}", leg.port(), e.toString());
			return;
		}
		if (from == null) {
			return;
		}
		packets++;
		buffer.flip();
		try {
			leg.session().relay(leg, (InetSocketAddress) from, buffer, System.nanoTime());
		}
		catch (RuntimeException e) {
			log.error("relaying a packet of {} failed", leg.session().callId(), e);
		}
	}

	private static void closeQuietly(Leg leg) {
		try {
			leg.channel().close();
		}
		catch (IOException e) {
			log.debug("closing port {}", leg.port(), e);
		}
	}

	@Override
	public void close() {
		running = false;
		selector.wakeup();
		try {
			thread.join(5000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
