package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class SdpTest {

	/** MicroSIP 3.21 (pjsip) on a LAN, with ICE on and its whole codec list. */
	static final String MICROSIP = """
			v=0
			o=- 3915197373 3915197373 IN IP4 192.168.1.34
			s=pjmedia
			b=AS:84
			t=0 0
			a=X-nat:0
			m=audio 4000 RTP/AVP 102 9 8 0 3 101
			c=IN IP4 192.168.1.34
			b=AS:64000
			a=rtpmap:102 opus/48000/2
			a=fmtp:102 useinbandfec=1
			a=rtpmap:9 G722/8000
			a=rtpmap:8 PCMA/8000
			a=rtpmap:0 PCMU/8000
			a=rtpmap:3 GSM/8000
			a=rtpmap:101 telephone-event/8000
			a=fmtp:101 0-16
			a=rtcp:4001 IN IP4 192.168.1.34
			a=ice-ufrag:3c0d1a2b
			a=ice-pwd:6f1e2d3c4b5a69788796a5b4
			a=candidate:Ha8c0122 1 UDP 2130706431 192.168.1.34 4000 typ host
			a=ssrc:1526397105 cname:5f2e6c1d0a3b4c5d
			a=sendrecv
			""".replace("\n", "\r\n");

	/** sipp's built-in uac scenario: session-level c=, PCMU only. */
	static final String SIPP = """
			v=0
			o=user1 53655765 2353687637 IN IP4 127.0.0.1
			s=-
			c=IN IP4 127.0.0.1
			t=0 0
			m=audio 6000 RTP/AVP 0
			a=rtpmap:0 PCMU/8000
			""";

	@Test
	void readsAMicroSipOffer() {
		Sdp sdp = Sdp.parse(MICROSIP);

		assertThat(sdp.connectionAddress()).isEqualTo("192.168.1.34");
		assertThat(sdp.audioPort()).isEqualTo(4000);
		assertThat(sdp.payloadTypes()).containsExactly(102, 9, 8, 0, 3, 101);
		assertThat(sdp.hasUsableCodec()).isTrue();
	}

	@Test
	void rewritesAMicroSipOfferToTheRelayWithG711AndDtmfOnly() {
		String rewritten = Sdp.parse(MICROSIP).rewrite("203.0.113.5", 20000);

		assertThat(rewritten).isEqualTo("""
				v=0
				o=- 3915197373 3915197373 IN IP4 192.168.1.34
				s=pjmedia
				b=AS:84
				t=0 0
				a=X-nat:0
				m=audio 20000 RTP/AVP 8 0 101
				c=IN IP4 203.0.113.5
				b=AS:64000
				a=rtpmap:8 PCMA/8000
				a=rtpmap:0 PCMU/8000
				a=rtpmap:101 telephone-event/8000
				a=fmtp:101 0-16
				a=ssrc:1526397105 cname:5f2e6c1d0a3b4c5d
				a=sendrecv
				""".replace("\n", "\r\n"));
		Sdp again = Sdp.parse(rewritten);
		assertThat(again.connectionAddress()).isEqualTo("203.0.113.5");
		assertThat(again.audioPort()).isEqualTo(20000);
		assertThat(again.payloadTypes()).containsExactly(8, 0, 101);
	}

	@Test
	void readsAndRewritesASippOfferWithASessionLevelAddress() {
		Sdp sdp = Sdp.parse(SIPP);
		assertThat(sdp.connectionAddress()).isEqualTo("127.0.0.1");
		assertThat(sdp.audioPort()).isEqualTo(6000);
		assertThat(sdp.payloadTypes()).containsExactly(0);

		assertThat(sdp.rewrite("10.0.0.7", 20002)).isEqualTo("v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\n"
				+ "c=IN IP4 10.0.0.7\r\nt=0 0\r\nm=audio 20002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
	}

	@Test
	void keepsADynamicTelephoneEventAt8kAndDropsOtherRates() {
		Sdp sdp = Sdp.parse("""
				v=0
				o=- 1 1 IN IP4 10.1.1.1
				s=-
				c=IN IP4 10.1.1.1
				t=0 0
				m=audio 7078 RTP/AVP 111 0 96 97
				a=rtpmap:111 opus/48000/2
				a=rtpmap:96 TELEPHONE-EVENT/8000
				a=fmtp:96 0-15
				a=rtpmap:97 telephone-event/48000
				a=fmtp:97 0-15
				a=rtcp-fb:* nack
				a=rtcp-fb:111 transport-cc
				""");

		String rewritten = sdp.rewrite("10.0.0.7", 20004);

		assertThat(Sdp.parse(rewritten).payloadTypes()).containsExactly(0, 96);
		assertThat(rewritten).contains("a=rtpmap:96 TELEPHONE-EVENT/8000\r\na=fmtp:96 0-15\r\n").contains("a=rtcp-fb:* nack")
			.doesNotContain("opus").doesNotContain("fmtp:97").doesNotContain("rtcp-fb:111");
	}

	@Test
	void anOfferWithoutG711IsNotUsable() {
		Sdp sdp = Sdp.parse("v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 9 102\r\n"
				+ "a=rtpmap:9 G722/8000\r\na=rtpmap:102 opus/48000/2\r\n");

		assertThat(sdp.hasUsableCodec()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> sdp.rewrite("10.0.0.7", 20000));
	}

	@Test
	void aRefusedAudioStreamIsNotUsable() {
		assertThat(Sdp.parse(SIPP.replace("m=audio 6000", "m=audio 0")).hasUsableCodec()).isFalse();
	}

	@Test
	void otherStreamsAreRefusedAndEveryAddressIsOurs() {
		String rewritten = Sdp.parse("""
				v=0
				o=- 1 1 IN IP4 10.1.1.1
				s=-
				t=0 0
				m=audio 4000 RTP/AVP 0
				c=IN IP4 10.1.1.1
				m=video 4002 RTP/AVP 96
				c=IN IP4 10.1.1.1
				a=rtpmap:96 H264/90000
				""").rewrite("10.0.0.7", 20000);

		assertThat(rewritten).contains("m=audio 20000 RTP/AVP 0\r\nc=IN IP4 10.0.0.7\r\n")
			.contains("m=video 0 RTP/AVP 96\r\nc=IN IP4 10.0.0.7\r\n")
			.doesNotContain("c=IN IP4 10.1.1.1");
	}

	@Test
	void refusesWhatIsNotSdpOrHasNoAudio() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sdp.parse("INVITE sip:bob@example.com SIP/2.0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Sdp.parse(""));
		assertThatIllegalArgumentException().isThrownBy(() -> Sdp.parse(null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Sdp.parse("v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nt=0 0\r\nm=video 4002 RTP/AVP 96\r\n"));
	}
}
