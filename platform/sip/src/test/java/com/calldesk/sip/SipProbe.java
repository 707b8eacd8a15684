package com.calldesk.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A phone reduced to a UDP socket: writes SIP by hand and reads what comes back. */
public final class SipProbe implements AutoCloseable {

	private final DatagramSocket socket;

	private final int serverPort;

	private int cseq = 1;

	private final String callId = Long.toHexString(System.nanoTime()) + "@probe";

	public SipProbe(int serverPort) {
		try {
			this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
			this.socket.setSoTimeout(3000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.serverPort = serverPort;
	}

	public int port() {
		return socket.getLocalPort();
	}

	public void sendRaw(String message) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		try {
			socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next message, or empty after the socket's timeout. */
	public Optional<Message> receive() {
		byte[] buffer = new byte[65535];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		try {
			socket.receive(packet);
			return Optional.of(Message.parse(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)));
		}
		catch (SocketTimeoutException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Message await() {
		return receive().orElseThrow(() -> new AssertionError("no answer within 3 s"));
	}

	/** A larger socket buffer, for a test that reads many answers only after sending many requests. */
	public void receiveBuffer(int bytes) {
		try {
			socket.setReceiveBufferSize(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void timeout(int millis) {
		try {
			socket.setSoTimeout(millis);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Message register(String user, String contactHostPort, Integer expires, String authorization) {
		String request = registerText(user, contactHostPort, expires, authorization, user);
		sendRaw(request);
		String cseq = Message.parse(request).header("CSeq");
		while (true) {
			Message answer = await();
			// a late answer to an earlier REGISTER of this probe (a retransmission) is not this one's
			if (cseq.equals(answer.header("CSeq"))) {
				return answer;
			}
		}
	}

	public String registerText(String user, String contactHostPort, Integer expires, String authorization, String toUser) {
		int seq = cseq++;
		return "REGISTER sip:127.0.0.1:" + serverPort + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + System.nanoTime() + ";rport\r\n"
				+ "Max-Forwards: 70\r\n"
				+ "From: <sip:" + user + "@127.0.0.1>;tag=" + port() + "\r\n"
				+ "To: <sip:" + toUser + "@127.0.0.1>\r\n"
				+ "Call-ID: " + callId + "\r\n"
				+ "CSeq: " + seq + " REGISTER\r\n"
				+ "Contact: " + (contactHostPort.equals("*") ? "*" : "<sip:" + user + "@" + contactHostPort + ">") + "\r\n"
				+ (expires == null ? "" : "Expires: " + expires + "\r\n")
				+ (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
				+ "User-Agent: CallDesk probe\r\n"
				+ "Content-Length: 0\r\n\r\n";
	}

	/** Registers the way a phone does: unauthenticated, then again with the digest of the challenge. */
	public Message registerWithPassword(String user, String password, String contactHostPort, Integer expires) {
		Message challenge = register(user, contactHostPort, expires, null);
		return register(user, contactHostPort, expires, digest(challenge, user, password, "REGISTER"));
	}

	public String digest(Message challenge, String user, String password, String method) {
		String header = challenge.header("WWW-Authenticate");
		String realm = param(header, "realm");
		String nonce = param(header, "nonce");
		String uri = "sip:127.0.0.1:" + serverPort;
		String cnonce = "c" + System.nanoTime();
		String nc = "00000001";
		String ha1 = md5(user + ":" + realm + ":" + password);
		String ha2 = md5(method + ":" + uri);
		String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
		return "Digest username=\"" + user + "\",realm=\"" + realm + "\",nonce=\"" + nonce + "\",uri=\"" + uri
				+ "\",response=\"" + response + "\",algorithm=MD5,cnonce=\"" + cnonce + "\",qop=auth,nc=" + nc;
	}

	public static String param(String header, String name) {
		Matcher m = Pattern.compile(name + "=\"?([^\",]*)\"?").matcher(header);
		if (!m.find()) {
			throw new AssertionError(name + " missing in " + header);
		}
		return m.group(1);
	}

	public static String md5(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		socket.close();
	}

	/** A parsed SIP message: first line and headers (compact forms expanded for the few we read). */
	public record Message(String firstLine, List<String[]> headers, String body) {

		public static Message parse(String text) {
			int blank = text.indexOf("\r\n\r\n");
			String body = blank < 0 ? "" : text.substring(blank + 4);
			String[] lines = text.split("\r\n");
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.add(new String[] { lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip() });
				}
			}
			return new Message(lines[0], headers, body);
		}

		public int status() {
			return firstLine.startsWith("SIP/2.0 ") ? Integer.parseInt(firstLine.substring(8, 11)) : -1;
		}

		public boolean isRequest(String method) {
			return firstLine.startsWith(method + " ");
		}

		public String header(String name) {
			return all(name).stream().findFirst().orElse(null);
		}

		public List<String> all(String name) {
			return headers.stream().filter(h -> h[0].equalsIgnoreCase(name) || (name.equalsIgnoreCase("Contact") && h[0].equals("m")))
				.flatMap(h -> java.util.Arrays.stream(h[1].split(",(?=\\s*<)")))
				.map(String::strip).toList();
		}
	}
}
