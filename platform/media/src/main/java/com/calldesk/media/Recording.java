package com.calldesk.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WAV being recorded: a call in stereo (left customer, right agent) or a mono capture of the
 * customer. Packets land in a ring of the last few seconds, each direction at the frame its
 * {@link Timeline} gives it; frames leave the ring for the file once they are half a second behind
 * the newest audio, so late packets still find their place and whatever nobody sent is silence.
 * Everything but {@link #finished()} belongs to the recorder thread.
 */
final class Recording {

	private static final Logger log = LoggerFactory.getLogger(Recording.class);

	private static final int WINDOW = 4 * Timeline.RATE;

	private static final long HOLD_BACK = Timeline.RATE / 2;

	private static final long HEADER_EVERY = TimeUnit.SECONDS.toNanos(1);

	private final Path path;

	private final int channels;

	private final long maxFrames;

	private final CompletableFuture<Path> finished = new CompletableFuture<>();

	private final Timeline[] timelines;

	private final short[] window;

	/** Per channel, a packet whose place its direction's next packet decides (see {@link Timeline#UNDECIDED}). */
	private final Recorder.Chunk[] undecided;

	private WavFile wav;

	private boolean failed;

	private long firstNanos;

	private boolean started;

	/** Frames before this are in the file. */
	private long written;

	/** One past the newest frame received. */
	private long head;

	private long lastHeaderNanos;

	/** Chunks handed to the recorder; written by the one relay thread that feeds this recording. */
	private volatile long offered;

	/** Chunks the recorder took out of its queue; recorder thread only. */
	private long taken;

	/** In the recorder's list of recordings to tick; recorder thread only. */
	private boolean active;

	Recording(Path path, int channels, long maxFrames) {
		this.path = path;
		this.channels = channels;
		this.maxFrames = Math.min(maxFrames, WavFile.MAX_DATA / (2L * channels));
		this.timelines = new Timeline[channels];
		for (int i = 0; i < channels; i++) {
			timelines[i] = new Timeline();
		}
		this.window = new short[WINDOW * channels];
		this.undecided = new Recorder.Chunk[channels];
	}

	Path path() {
		return path;
	}

	CompletableFuture<Path> finished() {
		return finished;
	}

	boolean isDone() {
		return finished.isDone();
	}

	void offered() {
		offered++;
	}

	long offeredCount() {
		return offered;
	}

	void taken() {
		taken++;
	}

	long takenCount() {
		return taken;
	}

	/** True the first time: the recorder adds it to the recordings it ticks. */
	boolean activate() {
		if (active) {
			return false;
		}
		active = true;
		return true;
	}

	/** Adds one packet's audio; returns true when the recording has reached its maximum length. */
	boolean add(Recorder.Chunk chunk, ByteBuffer scratch) {
		if (finished.isDone() || failed) {
			return false;
		}
		if (!started) {
			started = true;
			firstNanos = chunk.arrivalNanos();
			lastHeaderNanos = firstNanos;
		}
		long arrivalFrame = (chunk.arrivalNanos() - firstNanos) * Timeline.RATE / 1_000_000_000L;
		int channel = chunk.channel();
		Timeline timeline = timelines[channel];
		long frame = timeline.place(chunk.ssrc(), chunk.timestamp(), arrivalFrame);
		long decided = timeline.decided();
		if (decided != Timeline.UNDECIDED && undecided[channel] != null) {
			put(undecided[channel], decided, scratch);
			undecided[channel] = null;
		}
		if (frame == Timeline.UNDECIDED) {
			// after a silence and late: the next packet of this direction says whether it resumed or waited
			undecided[channel] = chunk;
		}
		else {
			put(chunk, frame, scratch);
		}
		return head >= maxFrames;
	}

	private void put(Recorder.Chunk chunk, long frame, ByteBuffer scratch) {
		byte[] payload = chunk.payload();
		int count = (int) Math.max(0, Math.min(payload.length, maxFrames - frame));
		if (frame + count > written + WINDOW) {
			flushTo(frame + count - WINDOW, scratch);
		}
		// samples before `written` are on disk already: too late for them
		int skip = (int) Math.min(count, Math.max(0, written - frame));
		int slot = (int) ((frame + skip) % WINDOW);
		int channel = chunk.channel();
		int payloadType = chunk.payloadType();
		for (int i = skip; i < count; i++) {
			window[slot * channels + channel] = G711.decode(payloadType, payload[i]);
			if (++slot == WINDOW) {
				slot = 0;
			}
		}
		head = Math.max(head, frame + count);
	}

	/** Called every few hundred milliseconds: moves settled audio to disk and refreshes the header. */
	void tick(long nowNanos, ByteBuffer scratch) {
		if (finished.isDone() || failed || !started) {
			return;
		}
		flushTo(head - HOLD_BACK, scratch);
		if (nowNanos - lastHeaderNanos >= HEADER_EVERY) {
			lastHeaderNanos = nowNanos;
			try {
				open().updateHeader();
			}
			catch (IOException e) {
				fail(e);
			}
		}
	}

	void finish(ByteBuffer scratch) {
		if (finished.isDone()) {
			return;
		}
		if (!failed) {
			for (int channel = 0; channel < channels; channel++) {
				if (undecided[channel] != null) {
					put(undecided[channel], timelines[channel].abandonPending(), scratch);
					undecided[channel] = null;
				}
			}
			flushTo(head, scratch);
			try {
				open().close();
			}
			catch (IOException e) {
				fail(e);
			}
		}
		finished.complete(path);
	}

	private void flushTo(long target, ByteBuffer scratch) {
		int frameBytes = 2 * channels;
		while (written < target && !failed) {
			int start = (int) (written % WINDOW);
			int frames = (int) Math.min(Math.min(target - written, WINDOW - start), scratch.capacity() / frameBytes);
			scratch.clear().order(ByteOrder.LITTLE_ENDIAN);
			int from = start * channels;
			int to = from + frames * channels;
			for (int i = from; i < to; i++) {
				scratch.putShort(window[i]);
				window[i] = 0;
			}
			scratch.flip();
			try {
				if (!open().write(scratch)) {
					log.warn("recording {} reached the WAV size limit", path);
					failed = true;
				}
			}
			catch (IOException e) {
				fail(e);
			}
			written += frames;
		}
	}

	private WavFile open() throws IOException {
		if (wav == null) {
			wav = WavFile.append(path, channels);
		}
		return wav;
	}

	private void fail(IOException e) {
		// the call goes on without its recording rather than failing because a disk did
		log.error("recording {} failed", path, e);
		failed = true;
		if (wav != null) {
			try {
				wav.close();
			}
			catch (IOException ignored) {
				// already reported
			}
		}
	}
}
