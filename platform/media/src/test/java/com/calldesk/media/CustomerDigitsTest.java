package com.calldesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer's key presses through the real relay on loopback. Absence is checked without waiting
 * for nothing: one side's packets are handled in order, so once a later key has arrived, an earlier
 * packet that was to count would have counted.
 */
class CustomerDigitsTest {

	@TempDir
	Path recordings;

	MediaRelay relay;

	RtpPeer customer;

	RtpPeer agent;

	MediaSession session;

	final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();

	@BeforeEach
	void start() {
		int base = PortRange.freeBlock(8);
		relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 7, Duration.ofSeconds(30), recordings));
		customer = new RtpPeer();
		agent = new RtpPeer();
		session = relay.open("digits-1", "acme");
		session.agentRemote("127.0.0.1", agent.port());
	}

	@AfterEach
	void stop() {
		session.close();
		customer.close();
		agent.close();
		relay.close();
	}

	private Character next() throws InterruptedException {
		Character key = keys.poll(5, TimeUnit.SECONDS);
		assertThat(key).as("a key within 5 s").isNotNull();
		return key;
	}

	private void send(List<byte[]> packets) {
		packets.forEach(packet -> customer.send(packet, session.customerPort()));
	}

	@Test
	void telephoneEventsGiveOneKeyPerPressAndStillReachTheAgent() throws Exception {
		session.customerTelephoneEvent(TelephoneEventsTest.PT);
		session.onCustomerDigit(keys::add);
		List<byte[]> hash = TelephoneEventsTest.press(11, 100, 8000);
		List<byte[]> one = TelephoneEventsTest.press(1, 108, 10400);

		send(hash);
		send(one);

		assertThat(next()).isEqualTo('#');
		assertThat(next()).isEqualTo('1');
		Await.until("16 events at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 16);
		assertThat(agent.received).containsExactlyElementsOf(MediaRelayTest.wrapped(List.of(hash, one).stream().flatMap(List::stream).toList()));
		assertThat(keys).isEmpty();
	}

	@Test
	void inBandTonesGiveTheKeyWhenNoTelephoneEventWasAgreed() throws Exception {
		session.onCustomerDigit(keys::add);

		List<byte[]> audio = RtpPeer.audio(KeyTones.join(KeyTones.silence(100), KeyTones.key('#', 120), KeyTones.silence(100)), G711.PCMA, 0x6161, 5000);

		send(audio);

		assertThat(next()).isEqualTo('#');
		Await.until("the audio at the agent", Duration.ofSeconds(5), () -> agent.received.size() == audio.size());
		assertThat(keys).isEmpty();
	}

	@Test
	void withTelephoneEventsAgreedTonesInTheAudioDoNotCount() throws Exception {
		session.customerTelephoneEvent(TelephoneEventsTest.PT);
		session.onCustomerDigit(keys::add);

		send(RtpPeer.audio(KeyTones.join(KeyTones.key('5', 200), KeyTones.silence(100)), G711.PCMU, 0x6161, 5000));
		send(TelephoneEventsTest.press(9, 100, 8000));

		assertThat(next()).isEqualTo('9');
		assertThat(keys).isEmpty();
	}

	@Test
	void aKeyPressedBeforeTheListenerCameIsNotReported() throws Exception {
		session.customerTelephoneEvent(TelephoneEventsTest.PT);
		List<byte[]> before = TelephoneEventsTest.press(3, 100, 8000);
		send(before.subList(0, 4));
		Await.until("the first packets at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 4);

		session.onCustomerDigit(keys::add);
		send(before.subList(4, 8));
		send(TelephoneEventsTest.press(7, 108, 10400));

		assertThat(next()).isEqualTo('7');
		assertThat(keys).isEmpty();
	}

	@Test
	void aKeyStillHeldWhenTheListenerChangesCountsOnce() throws Exception {
		session.onCustomerDigit(keys::add);
		List<byte[]> audio = RtpPeer.audio(KeyTones.join(KeyTones.key('#', 400), KeyTones.silence(100), KeyTones.key('1', 100), KeyTones.silence(100)),
				G711.PCMU, 0x6161, 5000);
		send(audio.subList(0, 5));
		assertThat(next()).isEqualTo('#');

		// voicemail takes the '#', then the next menu listens while the caller's finger is still down
		session.onCustomerDigit(null);
		send(audio.subList(5, 10));
		Await.until("the held key's audio at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 10);
		BlockingQueue<Character> menu = new LinkedBlockingQueue<>();
		session.onCustomerDigit(menu::add);
		send(audio.subList(10, audio.size()));

		assertThat(menu.poll(5, TimeUnit.SECONDS)).isEqualTo('1');
		assertThat(menu).isEmpty();
		assertThat(keys).isEmpty();
	}

	@Test
	void aFailingListenerDoesNotStopTheRelay() throws Exception {
		session.customerTelephoneEvent(TelephoneEventsTest.PT);
		session.onCustomerDigit(key -> {
			throw new IllegalStateException("listener bug");
		});

		send(TelephoneEventsTest.press(0, 100, 8000));

		Await.until("8 events at the agent", Duration.ofSeconds(5), () -> agent.received.size() == 8);
		assertThat(agent.received.peek()).isEqualTo(ByteBuffer.wrap(TelephoneEventsTest.press(0, 100, 8000).get(0)));
	}

	@Test
	void onlyRtpPayloadTypesAreTelephoneEvents() {
		assertThatThrownBy(() -> session.customerTelephoneEvent(128)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> session.customerTelephoneEvent(-2)).isInstanceOf(IllegalArgumentException.class);
	}
}
