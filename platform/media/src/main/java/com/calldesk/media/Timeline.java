package com.calldesk.media;

/**
 * Places one direction's packets on the recording's time axis (in 8 kHz frames) by RTP timestamp, so
 * that jitter does not smear the audio and silence-suppressed gaps stay gaps. The timestamp only
 * counts relative to the stream's own first packet; where the stream starts, or restarts (new SSRC,
 * a jump of more than 10 s, or a drift of more than 2 s from the wall clock), the arrival time
 * decides instead, which keeps both channels aligned with each other.
 */
final class Timeline {

	static final int RATE = 8000;

	static final long MAX_JUMP = 10L * RATE;

	static final long MAX_DRIFT = 2L * RATE;

	private boolean started;

	private int ssrc;

	private long lastTimestamp;

	private long lastFrame;

	/**
	 * @param arrivalFrame when the packet arrived, in frames since the recording's first packet
	 * @return the frame the packet's first sample belongs to
	 */
	long place(int packetSsrc, long timestamp, long arrivalFrame) {
		long frame = arrivalFrame;
		if (started && packetSsrc == ssrc) {
			// the int cast makes a 32-bit wrap a small step instead of a four billion frame leap
			int delta = (int) (timestamp - lastTimestamp);
			long byTimestamp = lastFrame + delta;
			if (Math.abs((long) delta) <= MAX_JUMP && Math.abs(byTimestamp - arrivalFrame) <= MAX_DRIFT) {
				frame = byTimestamp;
			}
		}
		started = true;
		ssrc = packetSsrc;
		lastTimestamp = timestamp;
		lastFrame = frame;
		return frame;
	}
}
