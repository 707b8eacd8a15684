package com.calldesk.sip.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StatelessRefusalTest {

	static byte[] bytes(String text) {
		return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	static final String INVITE = """
			INVITE sip:02161234567@10.0.0.1 SIP/2.0
			v: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKa;rport
			Via: SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKb
			f: <sip:13800001111@10.0.0.9>;tag=abc
			t: <sip:02161234567@10.0.0.1>
			i: call-1@10.0.0.9
			CSeq: 7 INVITE
			Content-Type: application/sdp
			Content-Length: 3

			v=0""";

	@Test
	void aNewInviteOrRegisterIsToldFromEverythingElse() {
		byte[] invite = bytes(INVITE);
		assertThat(StatelessRefusal.newInviteOrRegister(invite, 0, invite.length)).isNotNull();
		byte[] reinvite = bytes(INVITE.replace("t: <sip:02161234567@10.0.0.1>", "t: <sip:02161234567@10.0.0.1>;tag=x"));
		assertThat(StatelessRefusal.newInviteOrRegister(reinvite, 0, reinvite.length)).as("a re-INVITE").isNull();
		byte[] bye = bytes(INVITE.replaceFirst("INVITE", "BYE"));
		assertThat(StatelessRefusal.newInviteOrRegister(bye, 0, bye.length)).isNull();
		byte[] response = bytes("SIP/2.0 200 OK\nVia: x\n\n");
		assertThat(StatelessRefusal.newInviteOrRegister(response, 0, response.length)).isNull();
		byte[] register = bytes(INVITE.replaceFirst("INVITE sip:02161234567@10.0.0.1", "REGISTER sip:10.0.0.1"));
		assertThat(StatelessRefusal.newInviteOrRegister(register, 0, register.length)).isNotNull();
	}

	@Test
	void theRefusalCarriesEveryViaInOrderAndTheDialogHeadersWithATag() {
		byte[] invite = bytes(INVITE);
		String refusal = new String(StatelessRefusal.serviceUnavailable(invite, 0, invite.length, 3, "t1"), StandardCharsets.ISO_8859_1);
		assertThat(refusal).isEqualTo("""
				SIP/2.0 503 Service Unavailable
				Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKa;rport
				Via: SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKb
				From: <sip:13800001111@10.0.0.9>;tag=abc
				To: <sip:02161234567@10.0.0.1>;tag=t1
				Call-ID: call-1@10.0.0.9
				CSeq: 7 INVITE
				Retry-After: 3
				Content-Length: 0

				""".replace("\n", "\r\n"));
	}

	@Test
	void aRequestWithoutWhatAResponseNeedsGetsNone() {
		byte[] noCallId = bytes(INVITE.replace("i: call-1@10.0.0.9\n", ""));
		assertThat(StatelessRefusal.serviceUnavailable(noCallId, 0, noCallId.length, 3, "t")).isNull();
	}

	@Test
	void admissionFollowsTheRateTheStackWorksAt() {
		AtomicLong now = new AtomicLong();
		DatagramAdmission admission = new DatagramAdmission(100, 5000, now::get);
		assertThat(admission.admitsNew(DatagramAdmission.FLOOR - 1)).as("below the floor, always").isTrue();
		assertThat(admission.admitsNew(500)).as("nothing measured yet: 500 waiting is too many").isFalse();
		for (int i = 0; i < 2000; i++) {
			admission.taken();
		}
		now.addAndGet(200_000_000L); // 2,000 taken in 0.2 s: 10,000 a second
		assertThat(admission.admitsNew(900)).as("900 waiting is 90 ms of work").isTrue();
		assertThat(admission.admitsNew(1100)).as("1,100 waiting is 110 ms").isFalse();
		assertThat(admission.admitsNew(5000)).as("never past the hard cap").isFalse();
		assertThat(admission.refused()).isEqualTo(3);
		assertThat(admission.admitted()).isEqualTo(2);
	}

	@Test
	void aStackGivenLittleWorkIsNotTakenForASlowOne() {
		AtomicLong now = new AtomicLong();
		DatagramAdmission admission = new DatagramAdmission(100, 5000, now::get);
		admission.admitsNew(500); // a backlog: what is taken now is the capacity
		for (int i = 0; i < 2000; i++) {
			admission.taken();
		}
		now.addAndGet(200_000_000L);
		admission.admitsNew(10);
		assertThat(admission.rate()).isEqualTo(10_000.0);
		for (int i = 0; i < 100; i++) {
			admission.taken(); // a quiet window: 500 a second taken, all that was given
		}
		now.addAndGet(200_000_000L);
		assertThat(admission.admitsNew(900)).as("a pause's backlog after a quiet spell is still 90 ms of work").isTrue();
		assertThat(admission.rate()).isEqualTo(10_000.0);
	}
}
