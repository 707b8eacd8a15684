package com.calldesk.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain UDP socket on loopback playing a phone or a trunk: builds G.711 RTP packets, sends them,
 * and collects whatever arrives on a thread of its own.
 */
final class RtpPeer implements AutoCloseable {

	final DatagramSocket socket;

	final ConcurrentLinkedQueue<ByteBuffer> received = new ConcurrentLinkedQueue<>();

	private final Thread reader;

	RtpPeer() {
		try {
			socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
			socket.setReceiveBufferSize(1 << 20);
		}
		catch (SocketException e) {
			throw new UncheckedIOException(e);
		}
		reader = new Thread(this::read, "rtp-peer-" + socket.getLocalPort());
		reader.setDaemon(true);
		reader.start();
	}

	int port() {
		return socket.getLocalPort();
	}

	void send(byte[] packet, int port) {
		try {
			socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The packets of a tone, 20 ms each, as a phone would send them. */
	static List<byte[]> tone(double hertz, int packets, int payloadType, int ssrc) {
		return audio(Tone.sine(hertz, packets * 160, 8000, 0), payloadType, ssrc, 0xFFFFF000L);
	}

	/** Audio as packets of 20 ms (the last one shorter if the samples say so), timestamps from {@code firstTimestamp}. */
	static List<byte[]> audio(short[] samples, int payloadType, int ssrc, long firstTimestamp) {
		List<byte[]> stream = new ArrayList<>();
		for (int n = 0; n * 160 < samples.length; n++) {
			int length = Math.min(160, samples.length - n * 160);
			ByteBuffer packet = ByteBuffer.allocate(Rtp.HEADER + length);
			Rtp.writeHeader(packet, n == 0, payloadType, 1000 + n, firstTimestamp + n * 160L, ssrc);
			for (int i = 0; i < length; i++) {
				packet.put(G711.encode(payloadType, samples[n * 160 + i]));
			}
			stream.add(packet.array());
		}
		return stream;
	}

	/** Sends the packets at the real 20 ms pace, on an absolute schedule so the pace does not drift. */
	static void paced(List<byte[]> packets, RtpPeer from, int to) {
		long start = System.nanoTime();
		for (int n = 0; n < packets.size(); n++) {
			LockSupport.parkNanos(start + n * 20_000_000L - System.nanoTime());
			from.send(packets.get(n), to);
		}
	}

	private void read() {
		byte[] buffer = new byte[2048];
		while (!socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
				received.add(ByteBuffer.wrap(Arrays.copyOf(buffer, packet.getLength())));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	@Override
	public void close() {
		socket.close();
	}
}
