package com.calldesk.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay's {@link MediaSession}: customer leg, agent leg, the call's recording and its prompts. */
final class RelaySession implements MediaSession {

	private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

	/** How long close() waits for the recorder to complete the WAV; milliseconds unless a disk hangs. */
	private static final long RECORDING_WAIT_MILLIS = 2000;

	private final String callId;

	private final String address;

	private final Leg customer;

	private final Leg agent;

	private final Recording recording;

	private final RelayServices services;

	private final Forwarder forwarder;

	private final Consumer<RelaySession> onClosed;

	private final Prompts.Stream promptStream = new Prompts.Stream();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicReference<Recording> customerCapture = new AtomicReference<>();

	private final CustomerDigits customerDigits;

	private volatile long lastPacketMillis;

	private volatile CompletableFuture<Void> prompt;

	RelaySession(String callId, String address, DatagramChannel customerChannel, int customerPort, DatagramChannel agentChannel, int agentPort,
			Path recordingPath, RelayServices services, Forwarder forwarder, Consumer<RelaySession> onClosed) {
		this.callId = callId;
		this.address = address;
		this.customer = new Leg("customer", 0, customerChannel, customerPort, this);
		this.agent = new Leg("agent", 1, agentChannel, agentPort, this);
		this.recording = new Recording(recordingPath, 2, Long.MAX_VALUE);
		this.services = services;
		this.forwarder = forwarder;
		this.onClosed = onClosed;
		this.customerDigits = new CustomerDigits(callId);
		this.lastPacketMillis = services.clock().millis();
	}

	void start() {
		forwarder.assign(customer, agent);
	}

	/** The relay thread this session's packets go through, from open to close. */
	Forwarder forwarder() {
		return forwarder;
	}

	/** Relay thread: one packet from one side, forwarded to the other side and recorded. */
	void relay(Leg from, InetSocketAddress source, ByteBuffer packet, long arrivalNanos) {
		if (closed.get() || !Rtp.isRtp(packet)) {
			return;
		}
		int payloadType = Rtp.payloadType(packet);
		if (!from.accept(source, payloadType)) {
			return;
		}
		lastPacketMillis = services.clock().millis();
		if (G711.supports(payloadType)) {
			record(from, packet, payloadType, arrivalNanos);
		}
		if (from == customer) {
			// before sending: the send moves the buffer past the packet
			customerDigits.packet(packet, payloadType);
		}
		Leg to = from == customer ? agent : customer;
		if (to == customer && prompting()) {
			return;
		}
		to.send(packet);
	}

	private void record(Leg from, ByteBuffer packet, int payloadType, long arrivalNanos) {
		byte[] payload = Rtp.payload(packet);
		int ssrc = Rtp.ssrc(packet);
		long timestamp = Rtp.timestamp(packet);
		forwarder.record(new Recorder.Chunk(recording, from.recordingChannel(), ssrc, timestamp, payloadType, payload, arrivalNanos));
		Recording capture = customerCapture.get();
		if (from == customer && capture != null) {
			forwarder.record(new Recorder.Chunk(capture, 0, ssrc, timestamp, payloadType, payload, arrivalNanos));
		}
	}

	private boolean prompting() {
		CompletableFuture<Void> playing = prompt;
		return playing != null && !playing.isDone();
	}

	@Override
	public CompletableFuture<Void> playToCustomer(Path wav8kMono16bit) {
		requireOpen();
		short[] samples;
		try {
			samples = PromptAudio.read(wav8kMono16bit);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read prompt " + wav8kMono16bit, e);
		}
		int payloadType = G711.supports(customer.lastPayloadType()) ? customer.lastPayloadType() : G711.PCMU;
		CompletableFuture<Void> previous = prompt;
		if (previous != null) {
			previous.cancel(false);
		}
		CompletableFuture<Void> playing = services.prompts().play(customer, promptStream, samples, payloadType);
		prompt = playing;
		return playing;
	}

	@Override
	public CompletableFuture<Path> recordCustomer(Path out, Duration max) {
		requireOpen();
		if (max.isNegative() || max.isZero()) {
			throw new IllegalArgumentException("max must be positive");
		}
		try {
			Path parent = out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot create the folder of " + out, e);
		}
		Recording capture = new Recording(out, 1, max.toMillis() * Timeline.RATE / 1000);
		stopRecordingCustomer();
		customerCapture.set(capture);
		Future<?> timer = services.prompts().after(max, () -> finishCapture(capture));
		capture.finished().whenComplete((path, failure) -> {
			timer.cancel(false);
			customerCapture.compareAndSet(capture, null);
		});
		return capture.finished();
	}

	@Override
	public void stopRecordingCustomer() {
		Recording capture = customerCapture.get();
		if (capture != null) {
			finishCapture(capture);
		}
	}

	private void finishCapture(Recording capture) {
		if (customerCapture.compareAndSet(capture, null)) {
			services.recorder().finish(capture);
		}
	}

	@Override
	public void customerTelephoneEvent(int payloadType) {
		customerDigits.eventPayloadType(payloadType);
	}

	@Override
	public void onCustomerDigit(Consumer<Character> listener) {
		customerDigits.listener(listener);
	}

	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		customerDigits.listener(null);
		CompletableFuture<Void> playing = prompt;
		if (playing != null) {
			playing.cancel(false);
		}
		PortPool ports = services.ports();
		// the sockets close here and now; their ports go back only once the relay thread's selector has
		// dropped them, or the next call could not bind them. Nobody waits for that here: a busy relay
		// thread gets to it at the end of its turn, and open() waits for ports on their way back.
		ports.releasing(2);
		forwarder.close(customer, agent).whenComplete((done, failure) -> {
			ports.released(customer.port());
			ports.released(agent.port());
		});
		stopRecordingCustomer();
		await(services.recorder().finish(recording), RECORDING_WAIT_MILLIS, "finishing the recording");
		onClosed.accept(this);
		log.debug("media of {} closed: {} packets from the customer, {} from the agent, {} stray, {} with nowhere to go yet", callId,
				customer.packets(), agent.packets(), customer.strays() + agent.strays(), customer.unroutable() + agent.unroutable());
	}

	/** Waits for a step of close(); false when it did not complete in time (logged at WARN if {@code what} is given). */
	private boolean await(Future<?> step, long millis, String what) {
		try {
			step.get(millis, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			if (what != null) {
				log.warn("{} of {} took over {} ms; carrying on", what, callId, millis);
			}
		}
		catch (ExecutionException e) {
			log.warn("closing the media of {} failed", callId, e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	private void requireOpen() {
		if (closed.get()) {
			throw new IllegalStateException("media of " + callId + " is closed");
		}
	}

	@Override
	public String callId() {
		return callId;
	}

	@Override
	public String address() {
		return address;
	}

	@Override
	public int customerPort() {
		return customer.port();
	}

	@Override
	public int agentPort() {
		return agent.port();
	}

	@Override
	public void customerRemote(String host, int port) {
		customer.remote(Objects.requireNonNull(host, "host"), port);
	}

	@Override
	public void agentRemote(String host, int port) {
		agent.remote(Objects.requireNonNull(host, "host"), port);
	}

	@Override
	public Instant lastPacketAt() {
		return Instant.ofEpochMilli(lastPacketMillis);
	}

	@Override
	public boolean timedOut() {
		return services.clock().millis() - lastPacketMillis >= services.rtpTimeout().toMillis();
	}

	@Override
	public Path recording() {
		return recording.path();
	}

	@Override
	public long packetsFromCustomer() {
		return customer.packets();
	}

	@Override
	public long packetsFromAgent() {
		return agent.packets();
	}
}
