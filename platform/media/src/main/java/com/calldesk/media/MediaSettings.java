package com.calldesk.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the relay listens and what it hands out.
 *
 * @param bindAddress the address the RTP sockets bind to; 0.0.0.0 for all
 * @param advertisedAddress the address put in SDP c= lines: the public address when the host is
 * behind a 1:1 NAT, otherwise the bind address itself
 * @param portMin lowest RTP port (rounded up to even)
 * @param portMax highest port of the range; the last even port is used only if its RTCP twin fits
 * @param rtpTimeout silence, both ways, after which a session counts as dead
 * @param recordingsDir root of the recordings, one folder per tenant and day below it
 * @param relayThreads threads moving RTP, each with its own selector and its share of the calls; 0
 * means one per available processor
 */
public record MediaSettings(String bindAddress, String advertisedAddress, int portMin, int portMax, Duration rtpTimeout,
		Path recordingsDir, int relayThreads) {

	public MediaSettings {
		Objects.requireNonNull(bindAddress, "bindAddress");
		Objects.requireNonNull(advertisedAddress, "advertisedAddress");
		Objects.requireNonNull(rtpTimeout, "rtpTimeout");
		Objects.requireNonNull(recordingsDir, "recordingsDir");
		if (portMin < 1024 || portMax > 65535 || portMax <= portMin) {
			throw new IllegalArgumentException("bad RTP port range " + portMin + "-" + portMax);
		}
		if (rtpTimeout.isNegative() || rtpTimeout.isZero()) {
			throw new IllegalArgumentException("rtpTimeout must be positive");
		}
		if (relayThreads < 0 || relayThreads > 256) {
			throw new IllegalArgumentException("relayThreads must be 0 (one per processor) to 256, not " + relayThreads);
		}
		if (relayThreads == 0) {
			relayThreads = Runtime.getRuntime().availableProcessors();
		}
	}

	/** One relay thread per available processor. */
	public MediaSettings(String bindAddress, String advertisedAddress, int portMin, int portMax, Duration rtpTimeout, Path recordingsDir) {
		this(bindAddress, advertisedAddress, portMin, portMax, rtpTimeout, recordingsDir, 0);
	}

	/** The production defaults: ports 20000–29999, a 60 s RTP timeout and one relay thread per processor. */
	public static MediaSettings defaults(String bindAddress, String advertisedAddress, Path recordingsDir) {
		return new MediaSettings(bindAddress, advertisedAddress, 20000, 29999, Duration.ofSeconds(60), recordingsDir);
	}

	/** The same settings with that many relay threads (0: one per processor). */
	public MediaSettings withRelayThreads(int threads) {
		return new MediaSettings(bindAddress, advertisedAddress, portMin, portMax, rtpTimeout, recordingsDir, threads);
	}
}
