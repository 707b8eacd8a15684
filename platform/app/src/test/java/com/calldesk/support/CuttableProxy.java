package com.calldesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on loopback between the browser and the application, so a test can take the network
 * away from the page for real: {@link #cut} closes every open connection (the page's WebSocket among
 * them) and refuses new ones until {@link #restore}. HTTP and WebSocket pass through untouched.
 */
public final class CuttableProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	public CuttableProxy(int targetPort) throws IOException {
		this.target = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("proxy-accept-" + listener.getLocalPort(), this::accept);
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** Closes every connection through the proxy and refuses new ones. */
	public void cut() {
		cut = true;
		open.forEach(CuttableProxy::closeQuietly);
		open.clear();
	}

	public void restore() {
		cut = false;
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (cut) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
				open.add(client);
				open.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// the listener closed, or the application refused one connection: the browser sees it drop
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("proxy-pump", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// closed by cut() or by either side
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
		try {
			listener.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}
}
