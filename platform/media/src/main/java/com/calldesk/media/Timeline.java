package com.calldesk.media;

/**
 * Places one direction's packets on the recording's time axis (in 8 kHz frames) by RTP timestamp, so
 * that jitter does not smear the audio, silence-suppressed gaps stay gaps, and a relay that falls
 * behind (packets read late, then in a burst) neither stretches nor squeezes the recording. The
 * timestamp only counts relative to the stream's own first packet; where the stream starts, or
 * really restarts, the arrival time decides instead, which keeps both channels aligned.
 * <p>
 * A stream really restarts on a new SSRC, a timestamp jump of more than 10 s, a step back of more than
 * 2 s, timestamps running more than 2 s ahead of the wall clock, or when it falls more than 2 s behind the wall clock and stays
 * there: either at once, after a silence of its own (a phone that stopped sending on hold and resumed
 * where its timestamps left off), or slowly (a sender clock running slow). Lateness that the relay
 * catches up with is not a restart: after a silence the packet that follows decides (one that comes
 * at the sender's pace means the sender resumed; one that comes in a burst means packets were
 * waiting to be read), and slow lateness counts only once no packet of a whole block of
 * {@link #BLOCK} came within 2 s of its time.
 */
final class Timeline {

	static final int RATE = 8000;

	static final long MAX_JUMP = 10L * RATE;

	static final long MAX_DRIFT = 2L * RATE;

	/**
	 * Arrival time over which the smallest lateness must stay above {@link #MAX_DRIFT} to pull the
	 * stream back: longer than a relay stays that far behind (its socket buffers hold a few seconds),
	 * short against the hours a slow sender clock needs to drift 2 s.
	 */
	static final long BLOCK = 30L * RATE;

	/** {@link #place} of a packet whose place the next packet decides; see {@link #decided()}. */
	static final long UNDECIDED = Long.MIN_VALUE;

	private boolean started;

	private int ssrc;

	private long lastTimestamp;

	private long lastFrame;

	private long lastArrival;

	/** The last packet came after a silence more than {@link #MAX_DRIFT} late: the next one decides. */
	private boolean pending;

	private long pendingArrival;

	private long decided = UNDECIDED;

	private long blockStart;

	private long blockMinLate;

	/**
	 * @param arrivalFrame when the packet arrived, in frames since the recording's first packet
	 * @return the frame the packet's first sample belongs to, or {@link #UNDECIDED}: then the next
	 * packet's call decides, and {@link #decided()} says where this one went
	 */
	long place(int packetSsrc, long timestamp, long arrivalFrame) {
		decided = UNDECIDED;
		if (!started || packetSsrc != ssrc) {
			return restart(packetSsrc, timestamp, arrivalFrame);
		}
		// the int cast makes a 32-bit wrap a small step instead of a four billion frame leap
		int delta = (int) (timestamp - lastTimestamp);
		long byTimestamp = lastFrame + delta;
		long late = arrivalFrame - byTimestamp;
		// lateness can delay a packet, never make its timestamp go back: a step back of over 2 s is a new
		// stream under the same SSRC (a player starting its file over)
		if (Math.abs((long) delta) > MAX_JUMP || delta < -MAX_DRIFT || late < -MAX_DRIFT) {
			return restart(packetSsrc, timestamp, arrivalFrame);
		}
		long frame = byTimestamp;
		if (pending) {
			pending = false;
			// a sender that resumed sends at its own pace; packets that waited to be read come in a burst
			boolean atPace = 2 * (arrivalFrame - lastArrival) >= delta;
			if (late > MAX_DRIFT && atPace) {
				frame = arrivalFrame;
				decided = arrivalFrame - delta;
				startBlock(arrivalFrame);
			}
			else {
				decided = lastFrame;
			}
		}
		else if (late > MAX_DRIFT && arrivalFrame - lastArrival > delta + MAX_DRIFT) {
			pending = true;
			pendingArrival = arrivalFrame;
			advance(timestamp, byTimestamp, arrivalFrame);
			return UNDECIDED;
		}
		else {
			blockMinLate = Math.min(blockMinLate, late);
			if (arrivalFrame - blockStart >= BLOCK) {
				if (blockMinLate > MAX_DRIFT) {
					// late for a whole block, never caught up: the sender's clock is slow, pull it back
					frame = byTimestamp + blockMinLate;
				}
				startBlock(arrivalFrame);
			}
		}
		advance(timestamp, frame, arrivalFrame);
		return frame;
	}

	/**
	 * Where the packet last answered with {@link #UNDECIDED} went, right after the call that decided
	 * it; {@link #UNDECIDED} otherwise.
	 */
	long decided() {
		return decided;
	}

	/** The packet still undecided (the stream ended after it) goes where it arrived; false when there is none. */
	boolean hasPending() {
		return pending;
	}

	long abandonPending() {
		pending = false;
		return pendingArrival;
	}

	private long restart(int packetSsrc, long timestamp, long arrivalFrame) {
		if (pending) {
			pending = false;
			decided = pendingArrival;
		}
		started = true;
		ssrc = packetSsrc;
		startBlock(arrivalFrame);
		advance(timestamp, arrivalFrame, arrivalFrame);
		return arrivalFrame;
	}

	private void startBlock(long arrivalFrame) {
		blockStart = arrivalFrame;
		blockMinLate = Long.MAX_VALUE;
	}

	private void advance(long timestamp, long frame, long arrivalFrame) {
		lastTimestamp = timestamp;
		lastFrame = frame;
		lastArrival = arrivalFrame;
	}
}
