package com.calldesk.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP relay of one node: hands out a pair of ports per call, relays between them on a few
 * selector threads ({@link MediaSettings#relayThreads()}, one per core by default; each call stays on
 * the one it got at open, the least loaded then), and records every call on one writer thread.
 * Threads start with the relay and stop with {@link #close()}; no call ever gets a thread of its own.
 */
public final class MediaRelay implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MediaRelay.class);

	/** Call-IDs and tenant codes come off the wire: nothing but these may reach a file name. */
	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@+-]");

	private static final int SOCKET_BUFFER = 256 * 1024;

	/** How long open() waits for ports still being freed by the relay threads when none is free. */
	private static final long PORTS_WAIT_MILLIS = 500;

	private final MediaSettings settings;

	private final RelayServices services;

	private final List<Forwarder> forwarders;

	/** Where the search for the least loaded relay thread starts, so that ties go round robin. */
	private final AtomicInteger nextForwarder = new AtomicInteger();

	private final Map<String, RelaySession> sessions = new ConcurrentHashMap<>();

	private volatile boolean closed;

	public MediaRelay(MediaSettings settings) {
		this(settings, Clock.systemDefaultZone());
	}

	MediaRelay(MediaSettings settings, Clock clock) {
		this(settings, clock, Recorder.QUEUE);
	}

	MediaRelay(MediaSettings settings, Clock clock, int recorderQueue) {
		this.settings = settings;
		this.services = new RelayServices(new Recorder(recorderQueue), new Prompts(), new PortPool(settings.portMin(), settings.portMax()),
				clock, settings.rtpTimeout());
		List<Forwarder> threads = new ArrayList<>();
		for (int i = 0; i < settings.relayThreads(); i++) {
			threads.add(new Forwarder(i, services.recorder()));
		}
		this.forwarders = List.copyOf(threads);
		log.info("media relay on {} (advertised {}), RTP ports {}-{}, {} calls at most, {} relay threads", settings.bindAddress(),
				settings.advertisedAddress(), settings.portMin(), settings.portMax(), services.ports().capacity() / 2, forwarders.size());
	}

	/**
	 * Opens the media of a call: two ports and a recording.
	 *
	 * @throws MediaUnavailableException when fewer than two ports of the range can be had
	 * @throws IllegalStateException when this call already has media, or the relay is closed
	 */
	public MediaSession open(String callId, String tenantCode) {
		Objects.requireNonNull(callId, "callId");
		Objects.requireNonNull(tenantCode, "tenantCode");
		if (closed) {
			throw new IllegalStateException("media relay is closed");
		}
		if (sessions.containsKey(callId)) {
			throw new IllegalStateException("call " + callId + " already has media");
		}
		Bound customer = bind();
		Bound agent;
		try {
			agent = bind();
		}
		catch (MediaUnavailableException e) {
			customer.release(services.ports());
			throw e;
		}
		RelaySession session = new RelaySession(callId, settings.advertisedAddress(), customer.channel(), customer.port(), agent.channel(),
				agent.port(), createRecording(tenantCode, callId), services, leastLoaded(), this::closed);
		if (sessions.putIfAbsent(callId, session) != null) {
			customer.release(services.ports());
			agent.release(services.ports());
			throw new IllegalStateException("call " + callId + " already has media");
		}
		session.start();
		return session;
	}

	public int activeSessions() {
		return sessions.size();
	}

	/** Audio chunks the recorder had no room for since start: non-zero means the disk cannot keep up. */
	public long recordingDrops() {
		return services.recorder().drops();
	}

	/**
	 * Packets the relay meant to send but the kernel did not take since start (a full socket buffer,
	 * or a send error), prompts included: non-zero means the relay lost audio on its way out.
	 */
	public long sendFailures() {
		return forwarders.stream().mapToLong(Forwarder::sendFailures).sum();
	}

	/** Datagrams received on the relay's sockets since start, whatever became of them. */
	public long packetsReceived() {
		return forwarders.stream().mapToLong(Forwarder::packets).sum();
	}

	/** How many threads move RTP. */
	public int relayThreads() {
		return forwarders.size();
	}

	/** The counters of each relay thread, in thread order; the totals are the getters above. */
	public List<RelayThreadStats> relayThreadStats() {
		return forwarders.stream()
			.map(forwarder -> new RelayThreadStats(forwarder.threadName(), forwarder.sessions(), forwarder.packets(), forwarder.sendFailures(),
					forwarder.recordingDrops()))
			.toList();
	}

	/**
	 * One relay thread's share of the work since start.
	 *
	 * @param thread the thread's name, {@code media-relay-<n>}
	 * @param sessions calls on it now
	 * @param packetsReceived datagrams it received
	 * @param sendFailures packets it (or a prompt of its calls) could not send
	 * @param recordingDrops audio of its calls the recorder had no room for
	 */
	public record RelayThreadStats(String thread, int sessions, long packetsReceived, long sendFailures, long recordingDrops) {
	}

	/** The relay thread with the fewest calls; ties go round robin. */
	private Forwarder leastLoaded() {
		int start = Math.floorMod(nextForwarder.getAndIncrement(), forwarders.size());
		Forwarder best = null;
		for (int i = 0; i < forwarders.size(); i++) {
			Forwarder candidate = forwarders.get((start + i) % forwarders.size());
			if (best == null || candidate.sessions() < best.sessions()) {
				best = candidate;
			}
		}
		return best;
	}

	private void closed(RelaySession session) {
		sessions.remove(session.callId(), session);
	}

	private record Bound(DatagramChannel channel, int port) {

		void release(PortPool ports) {
			try {
				channel.close();
			}
			catch (IOException e) {
				log.debug("closing port {}", port, e);
			}
			ports.release(port);
		}
	}

	/** The next even port that binds; ports taken by someone else go back to the end of the line. */
	private Bound bind() {
		PortPool ports = services.ports();
		IOException lastError = null;
		for (int attempts = Math.max(1, ports.available()); attempts > 0; attempts--) {
			OptionalInt port = ports.take(PORTS_WAIT_MILLIS);
			if (port.isEmpty()) {
				break;
			}
			DatagramChannel channel = null;
			try {
				channel = DatagramChannel.open();
				channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
				channel.bind(new InetSocketAddress(settings.bindAddress(), port.getAsInt()));
				channel.configureBlocking(false);
				return new Bound(channel, port.getAsInt());
			}
			catch (IOException e) {
				log.debug("RTP port {} cannot be bound: {}", port.getAsInt(), e.toString());
				lastError = e;
				if (channel != null) {
					new Bound(channel, port.getAsInt()).release(ports);
				}
				else {
					ports.release(port.getAsInt());
				}
			}
		}
		// what an operator needs to tell a full range from ports stuck on their way back or taken by others
		String state = ports.available() + " free, " + ports.releasingCount() + " on their way back, " + sessions.size() + " calls";
		throw new MediaUnavailableException("no free RTP port in " + settings.portMin() + "-" + settings.portMax() + " (" + state
				+ (lastError == null ? "" : "; last bind error: " + lastError) + ")", lastError);
	}

	/**
	 * Creates the recording's file now, so that its name is reserved (two Call-IDs may clean up to
	 * the same name) and it plays even if the call never sends a packet.
	 */
	private Path createRecording(String tenantCode, String callId) {
		Path folder = settings.recordingsDir().resolve(safe(tenantCode)).resolve(LocalDate.now(services.clock()).toString());
		String name = safe(callId);
		Path path = folder.resolve(name + ".wav");
		try {
			Files.createDirectories(folder);
			for (int n = 2;; n++) {
				try {
					WavFile.create(path, 2);
					return path;
				}
				catch (FileAlreadyExistsException taken) {
					path = folder.resolve(name + "-" + n + ".wav");
				}
			}
		}
		catch (IOException e) {
			// the recorder tries again and reports; the call must not fail for want of a recording
			log.error("cannot create recording {}", path, e);
			return path;
		}
	}

	static String safe(String name) {
		String cleaned = UNSAFE.matcher(name).replaceAll("_");
		if (cleaned.isEmpty() || cleaned.startsWith(".")) {
			cleaned = "_" + cleaned;
		}
		return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
	}

	/** Closes every session (completing its recording), then the threads. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		List.copyOf(sessions.values()).forEach(RelaySession::close);
		services.prompts().close();
		forwarders.forEach(Forwarder::close);
		services.recorder().close();
	}
}
