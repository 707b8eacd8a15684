package com.calldesk.media;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A block of UDP ports on loopback that nobody holds right now, below the kernel's ephemeral range. */
final class PortRange {

	private PortRange() {
	}

	static int freeBlock(int size) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 30000 + 2 * ThreadLocalRandom.current().nextInt(1200);
			List<DatagramSocket> probes = new ArrayList<>();
			try {
				for (int port = base; port < base + size; port++) {
					probes.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
				}
				return base;
			}
			catch (IOException taken) {
				// try another block
			}
			finally {
				probes.forEach(DatagramSocket::close);
			}
		}
		throw new IllegalStateException("no free block of " + size + " UDP ports");
	}
}
