package com.calldesk.telephony;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The media relay of this node.
 *
 * @param enabled anchor media on the relay (off: SDP passes through and nothing is recorded)
 * @param bindAddress address the RTP sockets bind to
 * @param advertisedAddress address written into SDP; empty means the SIP advertised host
 * @param portMin lowest RTP port
 * @param portMax highest RTP port
 * @param rtpTimeout an answered call with no RTP either way this long is hung up
 * @param recordingsDir where recordings go; empty means {@code <calldesk.data-dir>/recordings}
 * @param relayThreads threads moving RTP, each with its share of the calls; 0 means one per processor
 */
@ConfigurationProperties("calldesk.media")
public record MediaProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String bindAddress,
		String advertisedAddress, @DefaultValue("20000") int portMin, @DefaultValue("29999") int portMax,
		@DefaultValue("60s") Duration rtpTimeout, Path recordingsDir, @DefaultValue("0") int relayThreads) {
}
