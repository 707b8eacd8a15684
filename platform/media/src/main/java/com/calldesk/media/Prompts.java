package com.calldesk.media;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Paces prompts (voicemail greetings, hold music) out as RTP, 20 ms per packet, for every call from
 * one scheduler thread. Being one thread is what makes each call's {@link Stream} safe without locks.
 */
final class Prompts implements AutoCloseable {

	static final int FRAME = 160;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "media-prompts");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Our own RTP stream towards one side. Sequence and timestamp carry on from prompt to prompt so
	 * the receiver's jitter buffer does not see a new stream each time.
	 */
	static final class Stream {

		private final int ssrc = ThreadLocalRandom.current().nextInt();

		private int sequence = ThreadLocalRandom.current().nextInt(0x10000);

		private long timestamp = ThreadLocalRandom.current().nextLong(0x100000000L);
	}

	CompletableFuture<Void> play(Leg leg, Stream stream, short[] samples, int payloadType) {
		Playback playback = new Playback(leg, stream, samples, payloadType);
		ScheduledFuture<?> timer = scheduler.scheduleAtFixedRate(playback, 0, 20, TimeUnit.MILLISECONDS);
		playback.done.whenComplete((ignored, failure) -> timer.cancel(false));
		return playback.done;
	}

	ScheduledFuture<?> after(Duration delay, Runnable task) {
		return scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
	}

	private static final class Playback implements Runnable {

		private final Leg leg;

		private final Stream stream;

		private final short[] samples;

		private final int payloadType;

		private final ByteBuffer packet = ByteBuffer.allocate(Rtp.HEADER + FRAME);

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private int offset;

		Playback(Leg leg, Stream stream, short[] samples, int payloadType) {
			this.leg = leg;
			this.stream = stream;
			this.samples = samples;
			this.payloadType = payloadType;
		}

		@Override
		public void run() {
			if (done.isDone()) {
				return;
			}
			packet.clear();
			// the marker tells the far end's jitter buffer that a talkspurt starts here
			Rtp.writeHeader(packet, offset == 0, payloadType, stream.sequence, stream.timestamp, stream.ssrc);
			stream.sequence = (stream.sequence + 1) & 0xFFFF;
			stream.timestamp = (stream.timestamp + FRAME) & 0xFFFFFFFFL;
			for (int i = 0; i < FRAME; i++) {
				int at = offset + i;
				packet.put(at < samples.length ? G711.encode(payloadType, samples[at]) : G711.silence(payloadType));
			}
			leg.send(packet.flip());
			offset += FRAME;
			if (offset >= samples.length) {
				done.complete(null);
			}
		}
	}
}
