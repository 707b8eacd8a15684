package com.calldesk.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of a call (customer or agent): the socket that side sends to, and where that side is.
 * The same socket sends back to it, so a phone behind NAT gets its audio through the pinhole its own
 * packets opened.
 */
final class Leg {

	private static final Logger log = LoggerFactory.getLogger(Leg.class);

	private final String side;

	private final int recordingChannel;

	private final DatagramChannel channel;

	private final int port;

	private final RelaySession session;

	private volatile InetSocketAddress remote;

	/** True once a packet from this side fixed {@link #remote}; the SDP address is only a first guess. */
	private volatile boolean latched;

	private volatile long packets;

	private volatile long strays;

	/** Packets for this side dropped because its address was not known yet (no SDP, nothing received). */
	private volatile long unroutable;

	private volatile int lastPayloadType = -1;

	Leg(String side, int recordingChannel, DatagramChannel channel, int port, RelaySession session) {
		this.side = side;
		this.recordingChannel = recordingChannel;
		this.channel = channel;
		this.port = port;
		this.session = session;
	}

	/** What the signalling says; a new offer (re-INVITE) may move the peer, so latch again. */
	void remote(String host, int remotePort) {
		remote = new InetSocketAddress(host, remotePort);
		latched = false;
	}

	/**
	 * Latches on the first RTP packet; afterwards only that source is accepted, so nobody else can
	 * inject audio into the call (RTP bleed). Called on the relay thread only.
	 */
	boolean accept(InetSocketAddress source, int payloadType) {
		if (!latched) {
			if (!source.equals(remote)) {
				log.debug("{} side of {} latched to {} (signalled {})", side, session.callId(), source, remote);
			}
			remote = source;
			latched = true;
		}
		else if (!source.equals(remote)) {
			strays++;
			return false;
		}
		lastPayloadType = payloadType;
		packets++;
		return true;
	}

	/**
	 * Sends to this side's peer; a full socket buffer drops the packet, as the network would, but the
	 * drop is counted ({@link MediaRelay#sendFailures()}). Called by the session's relay thread and by
	 * the prompts thread.
	 */
	void send(ByteBuffer packet) {
		InetSocketAddress to = remote;
		if (to == null) {
			unroutable++;
			return;
		}
		try {
			if (channel.send(packet, to) == 0) {
				session.forwarder().sendFailed();
			}
		}
		catch (ClosedChannelException closing) {
			// the session is closing: nothing to count
		}
		catch (IOException e) {
			session.forwarder().sendFailed();
			log.debug("sending to the {} side of {} at {} failed: {}", side, session.callId(), to, e.toString());
		}
	}

	String side() {
		return side;
	}

	int recordingChannel() {
		return recordingChannel;
	}

	DatagramChannel channel() {
		return channel;
	}

	int port() {
		return port;
	}

	RelaySession session() {
		return session;
	}

	long packets() {
		return packets;
	}

	long strays() {
		return strays;
	}

	long unroutable() {
		return unroutable;
	}

	int lastPayloadType() {
		return lastPayloadType;
	}
}
