package com.calldesk.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port free for both UDP and TCP on the loopback address. */
public final class FreePort {

	private FreePort() {
	}

	public static int find() {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
					ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
				return udp.getLocalPort();
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new UncheckedIOException(new IOException("no free port"));
	}
}
