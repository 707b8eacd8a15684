package com.calldesk.sip.calls;

import static com.calldesk.sip.calls.CallFlowHarness.SDP;
import static com.calldesk.sip.calls.CallFlowHarness.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.sip.SipProbe;
import com.calldesk.sip.SipProbe.Message;

/**
 * A desk phone's attended transfer: the agent calls a colleague (a call between colleagues through
 * CallDesk), then sends REFER with Replaces on the customer's call; the colleague's phone is moved onto
 * the customer, the agent let go on both calls, the call between colleagues ends as replaced.
 */
class AttendedTransferFlowTest {

	/** The harness's seats all have this HA1. */
	static final String HA1 = "0".repeat(32);

	CallFlowHarness flow;

	@BeforeEach
	void start() {
		flow = new CallFlowHarness();
	}

	@AfterEach
	void stop() {
		flow.close();
	}

	@Test
	void theColleagueTheAgentCalledTakesTheCustomerAndTheAgentIsLetGo() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port); SipProbe second = new SipProbe(flow.port)) {
			flow.registerPhone(first);
			flow.registerPhone(second, "seat2");
			carrier.sendRaw(flow.invite(carrier, "4008001234"));
			carrier.await();
			Message offered = first.await();
			first.sendRaw(answer(first, offered, 200, SDP));
			Message customerOk = carrier.await();
			first.await();
			flow.awaitUntil("answered", () -> flow.observed.contains("answered"));
			Call customerCall = flow.onlyCall();

			// the agent's phone calls seat2: 407, then with credentials
			flow.idleForTransfer.add("seat2");
			String target = "sip:seat2@127.0.0.1:" + flow.port;
			first.sendRaw(internalInvite(first, target, 1, null));
			Message challenge = awaitStatus(first, 407);
			first.sendRaw("ACK " + target + " SIP/2.0\r\nVia: " + challenge.header("Via") + "\r\nMax-Forwards: 70\r\nFrom: "
					+ challenge.header("From") + "\r\nTo: " + challenge.header("To") + "\r\nCall-ID: internal-1@phone\r\nCSeq: 1 ACK\r\n"
					+ "Content-Length: 0\r\n\r\n");
			first.sendRaw(internalInvite(first, target, 2, proxyAuthorization(challenge.header("Proxy-Authenticate"), target)));
			Message ringing = second.await();
			assertThat(ringing.header("From")).as("the colleague sees who calls").contains("seat1");
			second.sendRaw(answer(second, ringing, 200, SDP));
			Message internalOk = awaitStatus(first, 200);
			assertThat(second.await().isRequest("ACK")).isTrue();
			first.sendRaw("ACK sip:calldesk@127.0.0.1:" + flow.port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + first.port()
					+ ";branch=z9hG4bKack" + System.nanoTime() + "\r\nMax-Forwards: 70\r\nFrom: " + internalOk.header("From") + "\r\nTo: "
					+ internalOk.header("To") + "\r\nCall-ID: internal-1@phone\r\nCSeq: 2 ACK\r\nContent-Length: 0\r\n\r\n");
			String ourTag = SipProbe.param(internalOk.header("To"), "tag");

			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(offered), "REFER", 2,
					"Refer-To: <sip:seat2@127.0.0.1?Replaces=internal-1%40phone%3Bto-tag%3D" + ourTag + "%3Bfrom-tag%3Dphone1>"));
			assertThat(awaitStatus(first, 202).status()).isEqualTo(202);
			Message move = second.await();
			assertThat(move.isRequest("INVITE")).as("the colleague's phone moves onto the customer's relay").isTrue();
			assertThat(move.body()).contains(customerCall.id() + "-to-AGENT");
			second.sendRaw(answer(second, move, 200, SDP));
			assertThat(second.await().isRequest("ACK")).isTrue();

			List<Message> toAgent = new ArrayList<>(List.of(first.await(), first.await(), first.await()));
			assertThat(toAgent).filteredOn(m -> m.isRequest("NOTIFY")).singleElement().satisfies(n -> assertThat(n.body()).startsWith("SIP/2.0 200"));
			assertThat(toAgent).filteredOn(m -> m.isRequest("BYE")).as("let go on both calls").hasSize(2);
			Message offHold = carrier.await();
			assertThat(offHold.isRequest("INVITE")).as("the customer is offered media both ways again").isTrue();
			carrier.sendRaw(answer(carrier, offHold, 200, SDP));
			assertThat(awaitRequest(carrier, "ACK").isRequest("ACK")).isTrue();

			flow.awaitUntil("transferred", () -> flow.observed.contains("transferred:seat2"));
			assertThat(customerCall.snapshot().agentLegs()).extracting(PartyLeg::party).containsExactly("seat1", "seat2");
			assertThat(flow.observed).contains("ended:SYSTEM:replaced");
			assertThat(customerCall.state()).isEqualTo(CallState.ANSWERED);

			carrier.sendRaw(flow.inDialog(carrier, customerOk, "BYE", 3));
			assertThat(awaitStatus(carrier, 200).status()).isEqualTo(200);
			assertThat(awaitRequest(second, "BYE").isRequest("BYE")).as("the customer's hang-up reaches the colleague").isTrue();
		}
	}

	@Test
	void aReplacesNamingNoCallOfTheAgentIsRefusedAndTheCustomerStays() {
		try (SipProbe carrier = new SipProbe(flow.port); SipProbe first = new SipProbe(flow.port)) {
			flow.answeredCall(carrier, first, new String[0]);
			Message offered = flow.agentInvite;

			first.sendRaw(flow.inDialog(first, CallFlowHarness.phoneSide(offered), "REFER", 2,
					"Refer-To: <sip:seat2@127.0.0.1?Replaces=nothing%40phone%3Bto-tag%3Dx%3Bfrom-tag%3Dy>"));
			assertThat(awaitStatus(first, 202).status()).isEqualTo(202);
			Message notify = awaitRequest(first, "NOTIFY");
			assertThat(notify.body()).startsWith("SIP/2.0 481");
			assertThat(flow.onlyCall().state()).isEqualTo(CallState.ANSWERED);
			assertThat(flow.onlyCall().snapshot().seat()).isEqualTo("seat1");
		}
	}

	private String internalInvite(SipProbe phone, String target, int cseq, String authorization) {
		return "INVITE " + target + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bKint" + cseq + System.nanoTime()
				+ "\r\nMax-Forwards: 70\r\nFrom: <sip:seat1@127.0.0.1>;tag=phone1\r\nTo: <sip:seat2@127.0.0.1>\r\n"
				+ "Call-ID: internal-1@phone\r\nCSeq: " + cseq + " INVITE\r\nContact: <sip:seat1@127.0.0.1:" + phone.port() + ">\r\n"
				+ (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
				+ "Content-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP;
	}

	private static String proxyAuthorization(String challenge, String uri) {
		String nonce = SipProbe.param(challenge, "nonce");
		String cnonce = "c" + System.nanoTime();
		String response = SipProbe.md5(HA1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + SipProbe.md5("INVITE:" + uri));
		return "Digest username=\"seat1\",realm=\"calldesk\",nonce=\"" + nonce + "\",uri=\"" + uri + "\",response=\"" + response
				+ "\",algorithm=MD5,cnonce=\"" + cnonce + "\",qop=auth,nc=00000001";
	}

	/** The next response with this status, passing over provisionals. */
	private static Message awaitStatus(SipProbe probe, int status) {
		while (true) {
			Message message = probe.await();
			if (message.status() == status) {
				return message;
			}
			if (message.status() >= 200 || !message.firstLine().startsWith("SIP/2.0")) {
				throw new AssertionError("expected " + status + ", got " + message.firstLine());
			}
		}
	}

	private static Message awaitRequest(SipProbe probe, String method) {
		while (true) {
			Message message = probe.await();
			if (message.isRequest(method)) {
				return message;
			}
		}
	}
}
