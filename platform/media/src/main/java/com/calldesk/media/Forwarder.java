package com.calldesk.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves RTP for every call: a selector over all sockets. Registering and closing
 * sockets also happens here, as tasks, because a socket registered with a selector is only really
 * closed (its port freed) once the selector has dropped it.
 */
final class Forwarder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

	/** Packets read from one socket before the others get a turn, so one flood cannot starve the rest. */
	private static final int BURST = 32;

	private final Selector selector;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);

	private final Thread thread;

	private volatile boolean running = true;

	Forwarder() {
		try {
			selector = Selector.open();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the RTP selector", e);
		}
		thread = new Thread(this::run, "media-relay");
		thread.setDaemon(true);
		thread.start();
	}

	void register(Leg leg) {
		execute(() -> {
			try {
				leg.channel().register(selector, SelectionKey.OP_READ, leg);
			}
			catch (ClosedChannelException closedMeanwhile) {
				// the session was closed before it was ever registered
			}
		});
	}

	/** Closes the sockets on the relay thread; the future completes once their ports are really free. */
	CompletableFuture<Void> closeSockets(Leg... legs) {
		return call(() -> {
			for (Leg leg : legs) {
				SelectionKey key = leg.channel().keyFor(selector);
				if (key != null) {
					key.cancel();
				}
				closeQuietly(leg);
			}
			try {
				// deregisters the cancelled keys, which is what closes the file descriptors
				selector.selectNow(this::readable);
			}
			catch (IOException e) {
				log.warn("selector failed while closing sockets", e);
			}
		});
	}

	CompletableFuture<Void> call(Runnable task) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Runnable wrapped = () -> {
			try {
				task.run();
				done.complete(null);
			}
			catch (RuntimeException e) {
				done.completeExceptionally(e);
			}
		};
		if (Thread.currentThread() == thread || !running) {
			wrapped.run();
		}
		else {
			execute(wrapped);
		}
		return done;
	}

	private void execute(Runnable task) {
		tasks.add(task);
		selector.wakeup();
	}

	private void run() {
		while (running) {
			try {
				selector.select(this::readable, 1000);
			}
			catch (IOException | RuntimeException e) {
				log.error("RTP selector failed; carrying on", e);
			}
			runTasks();
		}
		runTasks();
		try {
			selector.close();
		}
		catch (IOException e) {
			log.debug("closing the selector", e);
		}
	}

	private void runTasks() {
		Runnable task;
		while ((task = tasks.poll()) != null) {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.error("relay task failed", e);
			}
		}
	}

	private void readable(SelectionKey key) {
		Leg leg = (Leg) key.attachment();
		for (int i = 0; i < BURST; i++) {
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
			buffer.flip();
			try {
				leg.session().relay(leg, (InetSocketAddress) from, buffer, System.nanoTime());
			}
			catch (RuntimeException e) {
				log.error("relaying a packet of {} failed", leg.session().callId(), e);
			}
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
