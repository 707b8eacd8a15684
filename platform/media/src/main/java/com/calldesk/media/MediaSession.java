package com.calldesk.media;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The media of one call: two relay ports, one per side, and the call's recording. The B2BUA puts
 * {@link #address()} with {@link #customerPort()} into the SDP it sends to the trunk, and with
 * {@link #agentPort()} into the SDP it sends to the phone.
 */
public interface MediaSession extends AutoCloseable {

	String callId();

	/** The advertised address, for the c= line of the SDP we send either way. */
	String address();

	/** Where the customer (trunk) side sends its RTP. */
	int customerPort();

	/** Where the agent (phone) side sends its RTP. */
	int agentPort();

	/**
	 * Where the customer's audio goes, from the customer's SDP. Only a first guess: the source of the
	 * first packet actually received from that side replaces it (symmetric RTP, for NAT). Calling it
	 * again (a re-INVITE) starts latching over.
	 */
	void customerRemote(String host, int port);

	/** As {@link #customerRemote}, for the agent side. */
	void agentRemote(String host, int port);

	/** When the last RTP packet arrived from either side (or when the session opened). */
	Instant lastPacketAt();

	/** No packet either way for the relay's RTP timeout: the B2BUA should hang up. */
	boolean timedOut();

	/** The stereo WAV of this call: left what the customer said, right what the agent said. */
	Path recording();

	long packetsFromCustomer();

	long packetsFromAgent();

	/**
	 * Plays a WAV (16-bit PCM, mono, 8 kHz) to the customer as RTP in the codec the customer sends
	 * (PCMU until the customer has sent anything). While it plays, the agent's audio does not reach
	 * the customer. A new prompt replaces one still playing.
	 *
	 * @return completes when the last packet is sent; cancel it to stop the prompt
	 * @throws IllegalArgumentException when the file is not such a WAV
	 * @throws java.io.UncheckedIOException when it cannot be read
	 */
	CompletableFuture<Void> playToCustomer(Path wav8kMono16bit);

	/**
	 * Records what the customer says (a voicemail) into a mono WAV, for at most {@code max}, beside
	 * the call recording.
	 *
	 * @return completes with {@code out} once the file is complete: at {@code max}, when the call's
	 * media closes, or at {@link #stopRecordingCustomer()}; a new capture ends the previous one
	 */
	CompletableFuture<Path> recordCustomer(Path out, Duration max);

	/** Ends a {@link #recordCustomer} capture early (the caller hung up, or pressed #). */
	void stopRecordingCustomer();

	/**
	 * Tells the relay which RTP payload type carries the customer's RFC 4733 telephone-events (from the
	 * SDP the customer sent or accepted; -1 when none was agreed, which is also where a session starts).
	 * With one, key presses are read from those events only; without, from the tones in the customer's
	 * G.711 audio. Call it again when a re-INVITE changes it.
	 *
	 * @throws IllegalArgumentException outside -1..127
	 */
	void customerTelephoneEvent(int payloadType);

	/**
	 * Every key the customer presses from now on ('0'-'9', '*', '#', 'A'-'D'), once per press, to
	 * {@code listener}, which replaces any previous one; null stops it. A telephone-event press is
	 * reported at the first of its packets that arrives, an in-band one once its tones have lasted about
	 * 40 ms. Called on a relay thread, before the packet is forwarded: it must be quick.
	 */
	void onCustomerDigit(Consumer<Character> listener);

	/** Stops relaying, completes the WAV files and frees the ports. Idempotent. */
	@Override
	void close();
}
