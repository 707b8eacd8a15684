package com.calldesk.sip.calls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.calldesk.sip.FreePort;
import com.calldesk.sip.RequestHandler;
import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;
import com.calldesk.sip.SipServer;
import com.calldesk.sip.SipSettings;
import com.calldesk.sip.TestClock;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.InMemoryLocations;
import com.calldesk.sip.registrar.Nonces;
import com.calldesk.sip.registrar.Registrar;
import com.calldesk.sip.registrar.SeatAuthentication;
import com.calldesk.state.InMemoryChannelCounter;
import com.calldesk.state.InMemoryExpiringCounters;
import com.calldesk.state.Throttle;

/**
 * Caller, CallDesk and callee in one JVM on loopback: a B2BUA on a real JAIN-SIP stack, probes as the
 * carrier and the phone, a clock the test moves, and the steps the B2BUA told. The tests
 * write each message as it would cross the wire.
 */
final class CallFlowHarness implements AutoCloseable {

	static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

	/** A display number of a tenant with callback (display number 9). */
	static final String CALLBACK = "02158886666";

	/** A display number of a tenant without callback (display number 10). */
	static final String CALLBACK_REFUSED = "02158887777";

	final TestClock clock = new TestClock();

	final InMemoryLocations locations = new InMemoryLocations(clock);

	final InMemoryChannelCounter channels = new InMemoryChannelCounter(clock, Duration.ofMinutes(2));

	final List<String> observed = new CopyOnWriteArrayList<>();

	final List<String> relayedOffers = new CopyOnWriteArrayList<>();

	final InMemoryExpiringCounters counters = new InMemoryExpiringCounters(clock);

	final SipServer server;

	final int port;

	final ActiveCalls active = new ActiveCalls();

	/** The seats the scripted ACD rings, in order, each once per round. */
	final List<String> seats = new CopyOnWriteArrayList<>(List.of("seat1"));

	/** When no seat is left: wait in the queue (true) or overflow as no-agent. */
	volatile boolean queueWhenNobody;

	/** The scripted ACD rings every untried seat at once (ring-all) instead of one by one. */
	volatile boolean ringAll;

	/** Where the scripted ACD says a waiting caller stands (B7); null: it does not say. */
	volatile QueueStanding standing;

	/** How often the scripted ACD has waiting callers told where they stand; zero (the default here): never. */
	volatile Duration announceEvery = Duration.ZERO;

	/** How the scripted ACD overflows when nobody is there. */
	volatile CallDistribution.Overflow overflow = new CallDistribution.Overflow("no-agent", null);

	/** Where calls out go — forwards to mobiles, click-to-calls (refused unless a test says otherwise). */
	volatile OutboundRouting.Decision outboundRoute = new OutboundRouting.Refused(403, "test");

	final OutboundRouting routing = (tenant, dialled) -> outboundRoute;

	/** The voicemail being recorded: complete it as the relay would when the capture ends. */
	volatile java.util.concurrent.CompletableFuture<Path> voicemail;

	/** Who hears the customer's keys now. */
	volatile java.util.function.Consumer<Character> digits;

	/** Seats the scripted ACD lets a transfer claim (each once). */
	final java.util.Set<String> idleForTransfer = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Messages left, as the lifecycle told them. */
	final List<VoicemailMessage> messages = new CopyOnWriteArrayList<>();

	/** What the scripted ACD was told, in order. */
	final List<String> acd = new CopyOnWriteArrayList<>();

	/** Prompts played to the customer, in order ("stop" when stopped). */
	final List<String> prompts = new CopyOnWriteArrayList<>();

	/** The prompt now playing: complete it to end it as if its last packet went out. */
	volatile java.util.concurrent.CompletableFuture<Void> playing = new java.util.concurrent.CompletableFuture<>();

	B2bua b2bua;

	/** Without a relay to answer with (media disabled): CallDesk cannot answer the customer itself. */
	volatile boolean noRelay;

	CallFlowHarness(Duration sessionExpires, Duration minSe) {
		port = FreePort.find();
		TrunkDirectory trunks = new TrunkDirectory() {
			@Override
			public boolean isTrunkAddress(String address) {
				return "127.0.0.1".equals(address);
			}

			@Override
			public Optional<InboundRoute> inboundRoute(String number) {
				return switch (number) {
					case "4008001234" -> Optional.of(new InboundRoute(1, "2001000", 7, "+861062345678", 5));
					case CALLBACK -> Optional.of(InboundRoute.callback(1, "2001000", 9, "+862158886666", 3, null));
					case CALLBACK_REFUSED -> Optional.of(InboundRoute.callback(1, "2001000", 10, "+862158887777", 3,
							new InboundRoute.Refusal("callback-disabled", "callback-unavailable")));
					default -> Optional.empty();
				};
			}
		};
		SipSettings settings = new SipSettings("127.0.0.1", "127.0.0.1", port, 0, "calldesk", 8, 100, 16384, 60, 3600,
				Duration.ofMinutes(5), Duration.ZERO);
		try {
			server = SipServer.start(settings, endpoint -> {
				b2bua = new B2bua(endpoint, trunks, new ScriptedAcd(), locations, channels,
						new RecordingMedia(), this::heard, active, "node-a", clock, new SessionTimers(sessionExpires, minSe), routing);
				SeatAuthentication seats = new SeatAuthentication(endpoint, new Registrar.Policy("calldesk", 60, 3600, "node-a",
						new Throttle(counters, "a", 5, Duration.ofMinutes(1), Duration.ofMinutes(1)),
						new Throttle(counters, "s", 5, Duration.ofMinutes(1), Duration.ofMinutes(1))),
						username -> username.startsWith("seat") ? Optional.of(new com.calldesk.sip.registrar.SeatAccount(1, "2001000", 1, username,
								"calldesk", "0".repeat(32))) : Optional.empty(),
						new Nonces("k".getBytes(), Duration.ofMinutes(5), counters, clock));
				return new HashMap<String, RequestHandler>(CallHandlers.of(endpoint, b2bua, seats, routing));
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	CallFlowHarness() {
		this(Duration.ofSeconds(1800), Duration.ofSeconds(90));
	}

	/** Moves the clock and runs the call sweeper once, as its thread does every second. */
	void sweepAfter(Duration elapsed) {
		clock.advance(elapsed);
		b2bua.sweep(Duration.ofHours(1));
	}

	Call onlyCall() {
		if (active.size() != 1) {
			throw new AssertionError(active.size() + " calls, expected one");
		}
		return active.all().iterator().next();
	}

	/** Waits (up to 3 s) for what a stack thread does after the message the test just sent. */
	void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		while (true) {
			var calls = active.all();
			synchronized (calls.size() == 1 ? calls.iterator().next() : this) {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 3 s: " + what);
			}
			Thread.onSpinWait();
		}
	}

	void registerPhone(SipProbe phone) {
		registerPhone(phone, "seat1");
	}

	void registerPhone(SipProbe phone, String seat) {
		String contact = "sip:" + seat + "@127.0.0.1:" + phone.port();
		locations.put(new Binding(seat, 1, 11, contact, contact, "127.0.0.1:" + phone.port(), "UDP", clock.instant().plusSeconds(3600),
				"reg", 1, "probe", "node-a"));
	}

	String invite(SipProbe carrier, String number, String... extraHeaders) {
		return inviteWith(carrier, number, SDP, extraHeaders);
	}

	String inviteWith(SipProbe carrier, String number, String sdp, String... extraHeaders) {
		return "INVITE sip:" + number + "@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + carrier.port() + ";branch=z9hG4bKinv" + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:13900001111@127.0.0.1>;tag=carrier\r\nTo: <sip:" + number + "@127.0.0.1>\r\n"
				+ "Call-ID: call-" + System.nanoTime() + "@carrier\r\nCSeq: 1 INVITE\r\n"
				+ "Contact: <sip:carrier@127.0.0.1:" + carrier.port() + ">\r\n" + lines(extraHeaders) + body(sdp);
	}

	/** An in-dialog request from the side that received {@code ok} (the carrier: To and From as in the 200). */
	String inDialog(SipProbe carrier, Message ok, String method, int cseq, String... extraHeaders) {
		return inDialogWith(carrier, ok, method, cseq, null, extraHeaders);
	}

	String inDialogWith(SipProbe carrier, Message ok, String method, int cseq, String sdp, String... extraHeaders) {
		return method + " sip:calldesk@127.0.0.1:" + port + " SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + carrier.port() + ";branch=z9hG4bK" + method + System.nanoTime() + "\r\n"
				+ "Max-Forwards: 70\r\nFrom: " + ok.header("From") + "\r\nTo: " + ok.header("To") + "\r\n"
				+ "Call-ID: " + ok.header("Call-ID") + "\r\nCSeq: " + cseq + " " + method + "\r\n"
				+ "Contact: <sip:carrier@127.0.0.1:" + carrier.port() + ">\r\n" + lines(extraHeaders) + body(sdp);
	}

	/** A phone's answer; its Contact is the phone's own port, so in-dialog requests come back to it. */
	static String answer(SipProbe phone, Message request, int status, String sdp, String... extraHeaders) {
		StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n");
		for (String via : request.all("Via")) {
			response.append("Via: ").append(via).append("\r\n");
		}
		String to = request.header("To");
		response.append("From: ").append(request.header("From")).append("\r\n")
			.append("To: ").append(to.contains("tag=") ? to : to + ";tag=phone").append("\r\n")
			.append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
			.append("CSeq: ").append(request.header("CSeq")).append("\r\n")
			.append("Contact: <sip:seat1@127.0.0.1:").append(phone.port()).append(">\r\n")
			.append(lines(extraHeaders));
		return response.append(body(sdp)).toString();
	}

	/** The INVITE the phone got in the last {@link #answeredCall}: its dialog is the one the phone sends in. */
	volatile Message agentInvite;

	/** Answers the ACK-less parts of a call: carrier INVITE → phone rings and answers → carrier has its 200, phone its ACK. */
	Message answeredCall(SipProbe carrier, SipProbe phone, String[] carrierHeaders, String... phoneHeaders) {
		registerPhone(phone);
		carrier.sendRaw(invite(carrier, "4008001234", carrierHeaders));
		if (carrier.await().status() != 100) {
			throw new AssertionError("no 100 Trying");
		}
		Message offered = phone.await();
		agentInvite = offered;
		phone.sendRaw(answer(phone, offered, 200, SDP, phoneHeaders));
		Message ok = carrier.await();
		Message ack = phone.await();
		if (ok.status() != 200 || !ack.isRequest("ACK")) {
			throw new AssertionError("call not answered: " + ok.firstLine() + " / " + ack.firstLine());
		}
		awaitUntil("the answer is observed", () -> observed.contains("answered"));
		return ok;
	}

	/** The phone's side of the dialog CallDesk's INVITE opened: To and From swapped, as the phone sends in-dialog requests. */
	static Message phoneSide(Message invite) {
		String to = invite.header("To") + ";tag=phone";
		return new Message("SIP/2.0 200 OK", List.of(new String[] { "From", to }, new String[] { "To", invite.header("From") },
				new String[] { "Call-ID", invite.header("Call-ID") }), "");
	}

	private static String lines(String... headers) {
		StringBuilder text = new StringBuilder();
		for (String header : headers) {
			text.append(header).append("\r\n");
		}
		return text.toString();
	}

	private static String body(String sdp) {
		return sdp == null ? "Content-Length: 0\r\n\r\n"
				: "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
	}

	@Override
	public void close() {
		server.close();
	}

	/**
	 * The lifecycle as two listeners heard it: {@link #observed}, the call's own steps (what the records and
	 * CTI follow), and {@link #acd}, what an ACD follows (queue, answers, the seats' parts).
	 */
	private void heard(CallStep step) {
		CallSnapshot call = step.call();
		if (step instanceof CallStep.Offered) {
			observed.add("offered");
		}
		else if (step instanceof CallStep.Ringing) {
			observed.add("ringing");
		}
		else if (step instanceof CallStep.Queued queued) {
			if (!queued.again()) {
				observed.add("queued");
			}
			acd.add("queued");
		}
		else if (step instanceof CallStep.Answered) {
			observed.add("answered");
			acd.add("answered:" + call.seat());
		}
		else if (step instanceof CallStep.Ended) {
			observed.add("ended:" + call.endedBy() + ":" + call.endReason());
			acd.add("ended");
		}
		else if (step instanceof CallStep.Transferring) {
			observed.add("transferring");
		}
		else if (step instanceof CallStep.Transferred transferred) {
			observed.add("transferred:" + (call.seat() != null ? call.seat() : call.forwardedTo()));
			// a consulted seat answered when the consultation did; a number has no agent to count
			if (transferred.how() != CallStep.Transferred.How.CONSULTED && call.seat() != null) {
				acd.add("answered:" + call.seat());
			}
		}
		else if (step instanceof CallStep.VoicemailLeft left) {
			messages.add(left.message());
		}
		else if (step instanceof CallStep.SeatAnswered seat) {
			acd.add("answered:" + seat.seat());
		}
		else if (step instanceof CallStep.SeatNotAnswered seat) {
			acd.add("not-answered:" + seat.seat() + ":" + seat.why());
		}
		else if (step instanceof CallStep.SeatReleased seat) {
			acd.add("released:" + seat.seat());
		}
		else if (step instanceof CallStep.SeatHandedOver seat) {
			acd.add("away:" + seat.seat());
		}
	}

	/** An ACD reduced to a script: ring the listed seats in order, then wait or overflow. */
	private final class ScriptedAcd implements CallDistribution {

		@Override
		public Decision route(CallSnapshot call, java.util.Set<String> tried, java.util.function.Predicate<String> reachable) {
			if (ringAll) {
				java.util.List<String> free = seats.stream().filter(seat -> !tried.contains(seat) && reachable.test(seat)).toList();
				if (!free.isEmpty()) {
					acd.add("ring-all:" + String.join(",", free));
					return new RingAll(free);
				}
			}
			for (String seat : seats) {
				if (!tried.contains(seat) && reachable.test(seat)) {
					acd.add("ring:" + seat);
					return new Ring(seat);
				}
			}
			acd.add(queueWhenNobody ? "wait" : "overflow");
			return queueWhenNobody ? new Wait() : overflow;
		}

		@Override
		public boolean claimForTransfer(CallSnapshot call, String seat) {
			acd.add("claim:" + seat);
			return idleForTransfer.remove(seat);
		}

		@Override
		public Duration ringTimeout(long tenantId) {
			return Duration.ofSeconds(20);
		}

		@Override
		public Optional<QueueStanding> standing(CallSnapshot call) {
			return Optional.ofNullable(standing);
		}

		@Override
		public Duration announcementInterval(long tenantId) {
			return announceEvery;
		}
	}

	private final class RecordingMedia implements MediaAnchor {

		@Override
		public Session open(String callId, String tenantCode) {
			return new Session() {
				@Override
				public String toAgent(String customerSdp) {
					relayedOffers.add(customerSdp);
					return customerSdp;
				}

				@Override
				public String toCustomer(String agentSdp) {
					return agentSdp;
				}

				@Override
				public String offerTo(Leg leg) {
					return SDP.replace("o=- 1 1", "o=relay-to-" + leg + " 1 1");
				}

				@Override
				public String offerLike(Leg leg, String chosen) {
					return SDP.replace("o=- 1 1", "o=" + callId + "-to-" + leg + " 1 1");
				}

				@Override
				public String answerCustomer(String customerOffer) {
					if (noRelay) {
						throw new UnsupportedMediaException("no relay");
					}
					return SDP.replace("o=- 1 1", "o=relay-answer 1 1");
				}

				@Override
				public java.util.concurrent.CompletableFuture<Void> playToCustomer(String prompt, boolean loop) {
					prompts.add(prompt);
					playing = new java.util.concurrent.CompletableFuture<>();
					return playing;
				}

				@Override
				public void stopPlaying() {
					prompts.add("stop");
				}

				@Override
				public java.util.concurrent.CompletableFuture<Path> recordCustomer(Duration max) {
					prompts.add("record:" + max.toSeconds());
					voicemail = new java.util.concurrent.CompletableFuture<>();
					return voicemail;
				}

				@Override
				public void stopRecordingCustomer() {
					voicemail.complete(Path.of("voicemail.wav"));
				}

				@Override
				public void onCustomerDigit(java.util.function.Consumer<Character> listener) {
					digits = listener;
				}

				@Override
				public boolean timedOut() {
					return false;
				}

				@Override
				public Path recording() {
					return null;
				}

				@Override
				public void close() {
					var capture = voicemail;
					if (capture != null) {
						capture.complete(Path.of("voicemail.wav"));
					}
				}
			};
		}
	}
}
