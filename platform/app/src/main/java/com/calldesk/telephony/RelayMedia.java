package com.calldesk.telephony;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.calldesk.media.MediaRelay;
import com.calldesk.media.MediaSession;
import com.calldesk.media.Sdp;
import com.calldesk.sip.calls.Leg;
import com.calldesk.sip.calls.MediaAnchor;
import com.calldesk.sip.calls.UnsupportedMediaException;

/**
 * Media anchored on CallDesk's relay: every SDP the B2BUA relays names the relay's address and the
 * port facing the other side, and tells the relay where that side expects media (latching may
 * correct it from the first packet). Every connected call is recorded.
 *
 * <p>A call counts as dead when no RTP flows either way, or when the customer's side alone has sent
 * nothing for the RTP timeout: a carrier leg that vanished must not keep an agent on a silent line.
 * The agent's side alone is not watched, because a phone holding a call may stop sending.
 *
 * <p>Closing a session (sockets, the WAV's last header) can wait on a busy relay thread for up to
 * seconds; it runs on a closer thread of its own so a hang-up never stalls a SIP thread.
 */
final class RelayMedia implements MediaAnchor, AutoCloseable {

	private final MediaRelay relay;

	private final Duration rtpTimeout;

	private final Clock clock;

	private final PromptLibrary prompts;

	private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "media-closer");
		thread.setDaemon(true);
		return thread;
	});

	RelayMedia(MediaRelay relay, Duration rtpTimeout, Clock clock, PromptLibrary prompts) {
		this.relay = relay;
		this.rtpTimeout = rtpTimeout;
		this.clock = clock;
		this.prompts = prompts;
	}

	@Override
	public Session open(String callId, String tenantCode) {
		MediaSession session = relay.open(callId, tenantCode);
		return new Session() {

			private long customerPackets = -1;

			private Instant customerLastHeard = clock.instant();

			/** The G.711 codec CallDesk agreed with the customer itself; agents are offered only it. */
			private volatile int customerCodec = -1;

			private volatile int telephoneEvent = 101;

			private volatile CompletableFuture<Void> playing;

			private volatile boolean looping;
			@Override
			public String toAgent(String customerSdp) {
				Sdp offer = usable(customerSdp);
				session.customerRemote(offer.connectionAddress(), offer.audioPort());
				session.customerTelephoneEvent(offer.telephoneEvent());
				return offer.rewrite(session.address(), session.agentPort());
			}

			@Override
			public String toCustomer(String agentSdp) {
				Sdp answer = usable(agentSdp);
				session.agentRemote(answer.connectionAddress(), answer.audioPort());
				return answer.rewrite(session.address(), session.customerPort());
			}

			@Override
			public String offerTo(Leg leg) {
				int port = leg == Leg.AGENT ? session.agentPort() : session.customerPort();
				if (leg == Leg.AGENT && customerCodec >= 0) {
					return Sdp.of(session.address(), port, clock.millis() / 1000, customerCodec, telephoneEvent);
				}
				return Sdp.offer(session.address(), port, clock.millis() / 1000);
			}

			@Override
			public String offerLike(Leg leg, String chosen) {
				Sdp settled = usable(chosen);
				int port = leg == Leg.AGENT ? session.agentPort() : session.customerPort();
				int event = settled.telephoneEvent();
				return event < 0 ? Sdp.of(session.address(), port, clock.millis() / 1000, settled.preferredG711())
						: Sdp.of(session.address(), port, clock.millis() / 1000, settled.preferredG711(), event);
			}

			@Override
			public String answerCustomer(String customerOffer) {
				Sdp offer = usable(customerOffer);
				session.customerRemote(offer.connectionAddress(), offer.audioPort());
				customerCodec = offer.preferredG711();
				int event = offer.telephoneEvent();
				// none agreed: the customer's keys come as in-band tones, which the relay then listens for
				session.customerTelephoneEvent(event);
				if (event < 0) {
					telephoneEvent = 101;
					return Sdp.of(session.address(), session.customerPort(), clock.millis() / 1000, customerCodec);
				}
				telephoneEvent = event;
				return Sdp.of(session.address(), session.customerPort(), clock.millis() / 1000, customerCodec, event);
			}

			@Override
			public CompletableFuture<Void> playToCustomer(String prompt, boolean loop) {
				Optional<Path> file = prompts.of(tenantCode, prompt);
				if (file.isEmpty()) {
					return CompletableFuture.completedFuture(null);
				}
				looping = loop;
				CompletableFuture<Void> done = new CompletableFuture<>();
				play(file.get(), done);
				return done;
			}

			private void play(Path file, CompletableFuture<Void> done) {
				try {
					CompletableFuture<Void> once = session.playToCustomer(file);
					playing = once;
					// a prompt over the moment it starts (an empty file) must not loop on this very stack
					boolean endless = once.isDone();
					once.whenComplete((ok, error) -> {
						if (looping && !endless && error == null && !done.isDone()) {
							play(file, done);
						}
						else {
							done.complete(null);
						}
					});
				}
				catch (RuntimeException ex) {
					done.complete(null);
				}
			}

			@Override
			public void stopPlaying() {
				looping = false;
				CompletableFuture<Void> current = playing;
				if (current != null) {
					current.cancel(false);
				}
			}

			@Override
			public CompletableFuture<Path> recordCustomer(Duration max) {
				Path recording = session.recording();
				return session.recordCustomer(recording.resolveSibling(session.callId() + "-voicemail.wav"), max);
			}

			@Override
			public void stopRecordingCustomer() {
				session.stopRecordingCustomer();
			}

			@Override
			public void onCustomerDigit(java.util.function.Consumer<Character> listener) {
				session.onCustomerDigit(listener);
			}

			@Override
			public synchronized boolean timedOut() {
				long packets = session.packetsFromCustomer();
				if (packets != customerPackets) {
					customerPackets = packets;
					customerLastHeard = clock.instant();
				}
				return session.timedOut() || Duration.between(customerLastHeard, clock.instant()).compareTo(rtpTimeout) > 0;
			}

			@Override
			public Path recording() {
				return session.recording();
			}

			@Override
			public void close() {
				closer.execute(session::close);
			}
		};
	}

	/** Finishes the sessions still closing before the relay itself stops. */
	@Override
	public void close() throws InterruptedException {
		closer.shutdown();
		closer.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static Sdp usable(String text) {
		try {
			Sdp sdp = Sdp.parse(text);
			if (!sdp.hasUsableCodec()) {
				throw new UnsupportedMediaException("no PCMU or PCMA offered");
			}
			return sdp;
		}
		catch (IllegalArgumentException ex) {
			throw new UnsupportedMediaException(ex.getMessage());
		}
	}
}
