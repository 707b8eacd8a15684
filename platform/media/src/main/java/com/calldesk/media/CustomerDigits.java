package com.calldesk.media;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys one call's customer presses: from RFC 4733 telephone-events when a payload type for them
 * was agreed, else from the tones in the G.711 audio (never both, or a trunk that sends both would
 * press every key twice). {@link #packet} runs on the session's relay thread; the setters on any.
 */
final class CustomerDigits {

	/** No key. */
	static final char NONE = 0;

	private static final Logger log = LoggerFactory.getLogger(CustomerDigits.class);

	private final String callId;

	private final TelephoneEvents events = new TelephoneEvents();

	private final InbandDtmf tones = new InbandDtmf();

	private volatile Consumer<Character> listener;

	private volatile int eventPayloadType = -1;

	/** Relay thread: the tone detector skipped packets, so its state is stale. */
	private boolean tonesIdle = true;

	CustomerDigits(String callId) {
		this.callId = callId;
	}

	void listener(Consumer<Character> listener) {
		this.listener = listener;
	}

	void eventPayloadType(int payloadType) {
		if (payloadType < -1 || payloadType > 127) {
			throw new IllegalArgumentException("not an RTP payload type: " + payloadType);
		}
		eventPayloadType = payloadType;
	}

	/** A packet the customer sent, accepted by the relay, before it is forwarded. */
	void packet(ByteBuffer packet, int payloadType) {
		Consumer<Character> to = listener;
		int eventType = eventPayloadType;
		char key = NONE;
		if (payloadType == eventType) {
			// followed with nobody listening too (it is cheap): the end packets of a key pressed before a
			// listener came must not count as a new press
			key = events.packet(packet);
		}
		else if (eventType < 0 && G711.supports(payloadType)) {
			key = tone(packet, payloadType, to != null);
		}
		if (key != NONE && to != null) {
			deliver(to, key);
		}
	}

	/**
	 * Decoding costs, so the tones are followed only while someone listens, and until a key reported
	 * is released: otherwise a key still held when the next listener comes would count twice.
	 */
	private char tone(ByteBuffer packet, int payloadType, boolean listened) {
		if (!listened && !tones.holding()) {
			tonesIdle = true;
			return NONE;
		}
		if (tonesIdle) {
			tones.reset();
			tonesIdle = false;
		}
		return tones.packet(packet, payloadType);
	}

	private void deliver(Consumer<Character> to, char key) {
		try {
			to.accept(key);
		}
		catch (RuntimeException e) {
			// the packet must still be forwarded
			log.warn("the digit listener of {} failed on {}", callId, key, e);
		}
	}
}
